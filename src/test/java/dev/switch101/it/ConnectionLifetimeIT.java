package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;

/**
 * Every connection is closed at TCP level within the close timeout once its session is over,
 * also when the peer does not cooperate: it never answers our close frame, or it stopped reading
 * before it sent its own. The {@code /lifetime*} fixtures echo with a 1 s close timeout and a
 * 2 s send timeout; the client sees EOF (or a reset) within a bound, and the time is printed
 * (README, "Containers").
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionLifetimeIT extends DeployedTarget {

    /** Close timeout (1 s) plus the timeout sweep (0.25 s) plus slack for a busy 2-core machine. */
    private static final int CLOSE_BOUND_MILLIS = 3_000;

    @Test
    void peerThatNeverAnswersTheIdleCloseGetsTcpClosedAfterTheCloseTimeout() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "lifetime-idle")) {
            Frame close = ws.readCloseFrame();
            assertEquals(1001, close.closeCode(), close.describeClose());
            long start = System.nanoTime();
            // Never answered: RFC 6455 §7.1.1 lets the server close TCP after a bounded wait.
            awaitEof(ws, CLOSE_BOUND_MILLIS, "after an idle close the peer never answered");
            report("idle close, peer silent", start);
        }
    }

    @Test
    void peerThatStopsReadingThenClosesGetsTcpClosed() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "lifetime")) {
            // 4 MiB to echo, then a close, and nothing read: the echo fills the socket buffers,
            // the handler's send waits (send timeout 2 s), the close waits behind the message
            // (close timeout 1 s), and what is left cannot be flushed (close timeout 1 s).
            CompletableFuture<Void> sending = ws.sendInBackground(Frame.binary(new byte[4 << 20]),
                    Frame.close(1000, "bye"));
            Thread.sleep(6_000);
            long start = System.nanoTime();
            // Whatever the server managed to send is drained; then it must be closed, not waiting.
            awaitEof(ws, CLOSE_BOUND_MILLIS, "a peer that stopped reading and then closed");
            report("peer stopped reading, then closed (measured from the 6 s mark)", start);
            sending.handle((ok, failed) -> null).join();
        }
    }

    @Test
    void cleanCloseFromThePeerEndsWithTcpCloseAtOnce() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "lifetime")) {
            ws.sendText("last words").sendClose(1000, "");
            assertEquals("last words", ws.readText(), "the reply to the message before the close comes first");
            Frame close = ws.readCloseFrame();
            assertEquals(1000, close.closeCode(), close.describeClose());
            long start = System.nanoTime();
            awaitEof(ws, CLOSE_BOUND_MILLIS, "after the close handshake");
            report("clean close", start);
        }
    }

    /** Reads (and drops) until the server closes; a reset counts as closed. */
    private static void awaitEof(RawWebSocket ws, int boundMillis, String situation) throws IOException {
        long deadline = System.currentTimeMillis() + boundMillis;
        byte[] sink = new byte[64 * 1024];
        InputStream in = ws.input();
        ws.setReadTimeout(boundMillis);
        try {
            while (true) {
                if (System.currentTimeMillis() > deadline) {
                    fail(situation + ": the server still sends after " + boundMillis + " ms");
                }
                if (in.read(sink) < 0) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            fail(situation + ": the TCP connection was still open after " + boundMillis + " ms");
        } catch (SocketException e) {
            // Connection reset: closed, too (the server aborted with our bytes unread).
        }
    }

    private static void report(String path, long start) {
        System.out.printf("[lifetime] %s: TCP closed %d ms after%n", path, (System.nanoTime() - start) / 1_000_000);
    }
}
