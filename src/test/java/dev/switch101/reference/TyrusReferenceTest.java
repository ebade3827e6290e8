package dev.switch101.reference;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;

import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.switch101.it.conformance.EchoConformance;
import dev.switch101.it.conformance.FramingChecks;
import dev.switch101.it.conformance.HandshakeChecks;
import dev.switch101.it.conformance.CloseHandshakeChecks;
import dev.switch101.it.conformance.ControlFrameChecks;
import dev.switch101.it.conformance.Utf8Checks;
import dev.switch101.it.conformance.FragmentationChecks;

/**
 * Runs the conformance suite against Tyrus, a mature RFC 6455 implementation, to validate the test
 * client and the checks themselves before the engine exists. Checks where Tyrus legitimately differs
 * from our echo contract (or, rarely, from RFC 6455) are overridden and disabled below, each with the
 * reason; the assertions in the suite stay RFC-correct.
 */
class TyrusReferenceTest {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 18095;
    private static final String CONTEXT = "/switch101";
    /** Tyrus' default incoming buffer is 4 MiB; raise it above the contract's 32 MiB limit. */
    private static final int INCOMING_BUFFER = EchoConformance.MESSAGE_SIZE_LIMIT + 1024;

    private static Server server;
    private static URL base;

    @BeforeAll
    static void startTyrus() throws Exception {
        server = new Server(HOST, PORT, CONTEXT,
                Map.of(TyrusWebSocketEngine.INCOMING_BUFFER_SIZE, INCOMING_BUFFER),
                TyrusEchoEndpoint.class, TyrusBrokenHandshakeEndpoint.class);
        server.start();
        base = new URL("http://" + HOST + ":" + PORT + CONTEXT + "/");
    }

    @AfterAll
    static void stopTyrus() {
        if (server != null) {
            server.stop();
        }
    }

    static URL tyrus() {
        return base;
    }

    @Nested
    class Framing extends FramingChecks {
        @Override
        protected URL base() {
            return tyrus();
        }

        @Override
        @Test
        @Disabled("Tyrus does not enforce client masking (RFC 6455 §5.1 MUST): no close at all")
        public void unmaskedClientFrameFailsWith1002() {
        }

        @Override
        @Test
        @Disabled("Tyrus does not enforce client masking (RFC 6455 §5.1 MUST): no close at all")
        public void unmaskedPingFailsWith1002() {
        }

        @Override
        @Test
        @Disabled("Tyrus closes with 1011 for a 64-bit length with the high bit set; §5.2 makes it a protocol error")
        public void sixtyFourBitLengthWithHighBitSetFailsWith1002() {
        }
    }

    @Nested
    class Fragmentation extends FragmentationChecks {
        @Override
        protected URL base() {
            return tyrus();
        }
    }

    @Nested
    class Utf8 extends Utf8Checks {
        @Override
        protected URL base() {
            return tyrus();
        }

        @Override
        @Test
        @Disabled("Tyrus validates UTF-8 only once a frame is complete; §8.1 allows that, our engine fails earlier")
        public void invalidBytesFailFastInsideAnUnfinishedFrameWith1007() {
        }
    }

    @Nested
    class ControlFrames extends ControlFrameChecks {
        @Override
        protected URL base() {
            return tyrus();
        }
    }

    @Nested
    class CloseHandshake extends CloseHandshakeChecks {
        @Override
        protected URL base() {
            return tyrus();
        }
    }

    @Nested
    class Handshake extends HandshakeChecks {
        @Override
        protected URL base() {
            return tyrus();
        }

        @Override
        @Test
        @Disabled("Tyrus upgrades a POST: it does not check the method (§4.1 item 2)")
        public void postIsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Tyrus upgrades an HTTP/1.0 request (§4.1 item 2)")
        public void http10IsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Grizzly answers a Host-less request with its own 400 without a body")
        public void missingHostIsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Tyrus never answers (the request hangs) instead of 400")
        public void connectionWithoutUpgradeTokenIsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Tyrus never answers (the request hangs) instead of 400")
        public void missingKeyIsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Tyrus accepts any Sec-WebSocket-Key (§4.2.1 item 5)")
        public void keyThatIsNotBase64Of16BytesIsRejectedWith400(String key) {
        }

        @Override
        @Test
        @Disabled("Tyrus accepts a duplicated Sec-WebSocket-Key (§11.3.1)")
        public void duplicatedKeyIsRejectedWith400() {
        }

        @Override
        @Test
        @Disabled("Tyrus never answers (the request hangs) instead of 426")
        public void unsupportedOrMissingVersionIsRejectedWith426(String version) {
        }

        @Override
        @Test
        @Disabled("Tyrus has no Origin policy by default (our engine's contract, §10.2)")
        public void foreignOriginIsRejectedWith403() {
        }

        @Override
        @Test
        @Disabled("Tyrus' standalone server serves no page")
        public void plainGetToThePageIs200() {
        }

        @Override
        @Test
        @Disabled("Tyrus requires Upgrade to be exactly 'websocket' (404 otherwise)")
        public void upgradeListingWebSocketAmongOthersIsAccepted() {
        }

        @Override
        @Test
        @Disabled("Tyrus drops the connection without a response when modifyHandshake throws")
        public void failingApplicationHandshakeIs500() {
        }
    }
}
