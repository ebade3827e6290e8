package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawWebSocket;

/**
 * The general HTTP/1.1 Upgrade mechanism (RFC 9110 §7.8, the MDN seeds) with the example
 * {@code echo/1} protocol, over a raw socket.
 */
@ExtendWith(ArquillianExtension.class)
class UpgradeMechanismIT extends DeployedTarget {

    private String path(String p) {
        return base().getPath().replaceAll("/$", "") + p;
    }

    @Test
    void exampleProtocolSwitchesCompletesTheRequestAndEchoes() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/line-echo"), "Connection: Upgrade", "Upgrade: echo/1"));
            RawHttp.Response response = http.readResponse();

            assertEquals(101, response.status(), response.statusLine());
            assertEquals("echo/1", response.header("Upgrade"));
            assertTrue(response.header("Connection").equalsIgnoreCase("upgrade"), response.header("Connection"));
            String completion = "echo/1 200 GET " + path("/line-echo") + "\n";
            assertEquals(completion, new String(http.readBytes(completion.length()), StandardCharsets.US_ASCII));

            byte[] hello = "hello, switched world\n".getBytes(StandardCharsets.UTF_8);
            http.send(hello);
            assertArrayEquals(hello, http.readBytes(hello.length));
        }
    }

    @Test
    void clientPreferenceOrderIsHonouredAndUnknownOffersAreSkipped() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/line-echo"), "Connection: keep-alive, Upgrade",
                    "Upgrade: foo/2, ECHO/1", "Upgrade: websocket"));
            RawHttp.Response response = http.readResponse();

            assertEquals(101, response.status(), response.statusLine());
            assertEquals("echo/1", response.header("Upgrade"));
        }
    }

    @Test
    void atAPathServedByBothTheClientsFirstChoiceWins() throws Exception {
        // /echo speaks WebSocket and echo/1: the client's order decides (RFC 9110 §7.8).
        assertEquals("echo/1", upgradeTo("echo/1, websocket"));
        assertEquals("websocket", upgradeTo("websocket, echo/1"));
    }

    /** A valid WebSocket handshake to /echo offering {@code upgrade}; returns the protocol switched to. */
    private String upgradeTo(String upgrade) throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawWebSocket.Handshake.to(base(), "echo").set("Upgrade", upgrade).toRequest());
            RawHttp.Response response = http.readResponse();
            assertEquals(101, response.status(), response.statusLine());
            return response.header("Upgrade");
        }
    }

    @Test
    void unknownProtocolOnlyGetsTheOrdinaryResponse() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/"), "Connection: Upgrade", "Upgrade: foo/2"));
            RawHttp.Response response = http.readResponse();

            assertEquals(200, response.status(), response.statusLine());
            assertNull(response.header("Upgrade"));
            assertTrue(response.body().contains("<h1>Switch101</h1>"));
        }
    }

    @Test
    void wrongVersionOfAKnownProtocolGetsTheOrdinaryResponse() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/"), "Connection: Upgrade", "Upgrade: echo/2"));
            assertEquals(200, http.readResponse().status());
        }
    }

    @Test
    void http10IsNeverUpgraded() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.request("GET", path("/line-echo"), "HTTP/1.0", "Connection: Upgrade", "Upgrade: echo/1"));
            RawHttp.Response response = http.readResponse();
            assertTrue(response.status() != 101, response.statusLine());
            assertNull(response.header("Upgrade"));
        }
    }

    @Test
    void upgradeWithoutConnectionUpgradeIsNotSwitched() throws Exception {
        // Upgrade is hop-by-hop: without "Connection: upgrade" the offer does not count.
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/line-echo"), "Upgrade: echo/1"));
            RawHttp.Response response = http.readResponse();
            assertTrue(response.status() != 101, response.statusLine());
        }
    }
}
