package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    /** After the expected bytes, how long nothing more must arrive. */
    private static final Duration QUIET = Duration.ofMillis(500);

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
            assertExactly(completion.getBytes(StandardCharsets.US_ASCII), http);

            // Everything the server sends back, not just as many bytes as were sent: an echo
            // padded or repeated must fail here.
            byte[] hello = "hello, switched world\n".getBytes(StandardCharsets.UTF_8);
            http.send(hello);
            assertExactly(hello, http);
            byte[] again = "and again".getBytes(StandardCharsets.UTF_8);
            http.send(again);
            assertExactly(again, http);
        }
    }

    @Test
    void exampleProtocolEchoesALongStreamByteForByte() throws Exception {
        byte[] stream = new byte[256 * 1024 + 17];
        new Random(101).nextBytes(stream);
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawHttp.get(path("/line-echo"), "Connection: Upgrade", "Upgrade: echo/1"));
            assertEquals(101, http.readResponse().status());
            String completion = "echo/1 200 GET " + path("/line-echo") + "\n";
            assertExactly(completion.getBytes(StandardCharsets.US_ASCII), http);

            // Written in odd-sized pieces from another thread while this one reads, so neither
            // side waits for the other's socket buffers.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 0; at < stream.length; at += 1000) {
                        http.output().write(stream, at, Math.min(1000, stream.length - at));
                    }
                    http.output().flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] echoed = http.readUntilQuiet(stream.length, QUIET);
            sending.get(10, TimeUnit.SECONDS);
            assertEquals(stream.length, echoed.length, "bytes echoed");
            assertArrayEquals(stream, echoed);
        }
    }

    /** Reads everything that arrives until the server is quiet and asserts it is exactly {@code expected}. */
    private static void assertExactly(byte[] expected, RawHttp http) throws IOException {
        byte[] received = http.readUntilQuiet(expected.length, QUIET);
        assertEquals(expected.length, received.length,
                () -> "bytes received; expected \"" + printable(expected) + "\", got \"" + printable(received) + "\"");
        assertArrayEquals(expected, received);
    }

    /** The bytes as ASCII, with NULs and other control characters escaped (long runs shortened). */
    private static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            int b = bytes[i] & 0xFF;
            String one = b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b);
            if (run > 3) {
                sb.append(one).append("{x").append(run).append('}');
                i += run - 1;
            } else {
                sb.append(one);
            }
        }
        return sb.toString();
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
