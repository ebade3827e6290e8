package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.fixtures.TestEndpoints;
import dev.switch101.it.fixtures.TimedReaderEcho;
import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.EchoCheck;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.TargetContainer;

/**
 * Peers that hold connections without completing anything: each is ended by a documented limit,
 * and while they are at it another connection's echo still completes.
 * <ul>
 *   <li>A byte a second inside a frame's header or payload: every byte is traffic, so the idle
 *       timeout never fires; the frame timeout ({@code dev.switch101.frameTimeoutMillis}; 2 s on
 *       {@code /slow-frame}) fails the connection with 1008 (policy violation, RFC 6455 §7.4.1).</li>
 *   <li>A fragmented message a frame at a time, each frame complete at once: neither the idle nor
 *       the frame timeout fires; the message timeout ({@code dev.switch101.messageTimeoutMillis};
 *       2 s on {@code /slow-message}) fails the connection with 1008. The peer is Node's {@code ws}.
 *       The same for a Jakarta endpoint that sets its own message timeout as a user property of its
 *       config and reads each message with a {@code Reader} ({@code /slow-message-jakarta}).</li>
 *   <li>Many connections that complete the handshake and never send: the idle timeout
 *       ({@code dev.switch101.idleTimeoutMillis}; 1 s on {@code /idle}) closes each with 1001.
 *       Connections that never even send their request are the container's to time out (its
 *       connection timeout); here they must only leave the others served.</li>
 * </ul>
 * The bounds are generous (a close within 10 s of the limit): they tell a limit that works from
 * one that does not, on a busy machine; they measure nothing.
 */
@ExtendWith(ArquillianExtension.class)
class SlowPeerIT extends DeployedTarget {

    /** Longer than any limit here takes, on a busy machine. */
    private static final long SLACK_MILLIS = 10_000;

    private static final long FRAME_TIMEOUT_MILLIS = TestEndpoints.SLOW_FRAME_TIMEOUT.toMillis();

    @Test
    void aPeerSendingAFrameHeaderAByteASecondIsFailedWith1008ByTheFrameTimeout() throws Exception {
        // A text frame of 200 bytes: 2 header bytes, a 16-bit length and the mask key (8 bytes in all).
        byte[] frame = Frame.text("x".repeat(200)).encode(true);
        trickleAndExpect1008(Arrays.copyOf(frame, 8), 0, "a frame header sent a byte a second");
    }

    @Test
    void aPeerSendingAFramePayloadAByteASecondIsFailedWith1008ByTheFrameTimeout() throws Exception {
        byte[] frame = Frame.binary(new byte[100]).encode(true);
        // The header and the first payload byte at once, then the rest a byte a second.
        trickleAndExpect1008(frame, 2 + 4 + 1, "a frame payload sent a byte a second");
    }

    @Test
    void aNodeWsPeerTricklingAFragmentedMessageIsFailedWith1008ByTheMessageTimeout() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", ClientProcess.CLIENTS.resolve("trickled-message.mjs").toString(),
                ClientProcess.wsUrl(base(), "slow-message"), ClientProcess.echoUrl(base()),
                Long.toString(TestEndpoints.SLOW_MESSAGE_TIMEOUT.toMillis())), Duration.ofSeconds(60));
    }

    // A Jakarta endpoint could not have timeouts of its own, only the application's (5 minutes by
    // default), and a Reader handler holds a thread for as long as the message stays open.
    @Test
    void aJakartaEndpointsOwnMessageTimeoutFailsANodeWsPeerTricklingIntoItsReaderWith1008() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", ClientProcess.CLIENTS.resolve("trickled-message.mjs").toString(),
                ClientProcess.wsUrl(base(), TimedReaderEcho.PATH.substring(1)), ClientProcess.echoUrl(base()),
                Long.toString(TestEndpoints.SLOW_MESSAGE_TIMEOUT.toMillis())), Duration.ofSeconds(60));
    }

    @Test
    void manyPeersThatNeverSendAreClosedByTheIdleTimeoutAndOthersAreServed() throws Exception {
        List<Socket> silentTcp = new ArrayList<>();
        List<RawWebSocket> silentWebSockets = new ArrayList<>();
        try {
            // TCP connections that never send a request: the container's to time out.
            for (int i = 0; i < 300; i++) {
                silentTcp.add(new Socket(base().getHost(), base().getPort()));
            }
            long start = System.nanoTime();
            // WebSockets that never send a frame: the idle timeout (1 s on /idle) closes them.
            for (int i = 0; i < 200; i++) {
                silentWebSockets.add(RawWebSocket.connect(base(), "idle"));
            }
            long echoMillis = EchoCheck.echoCompletes(base(), "500 silent connections");
            int closed = 0;
            for (RawWebSocket ws : silentWebSockets) {
                ws.setReadTimeout((int) SLACK_MILLIS);
                assertEquals(1001, ws.readCloseFrame().closeCode(), "close code of an idle connection");
                closed++;
            }
            long tookMillis = elapsedMillis(start);
            System.out.printf("[slow-peer] %d silent WebSockets closed 1001 by the 1 s idle timeout within %,d ms of"
                    + " the first's opening, 300 silent TCP connections open; another echo took %d ms, on %s%n",
                    closed, tookMillis, echoMillis, TargetContainer.qualifier());
            EchoCheck.echoCompletes(base(), "500 silent connections, after the idle closes");
        } finally {
            for (RawWebSocket ws : silentWebSockets) {
                ws.close();
            }
            for (Socket socket : silentTcp) {
                socket.close();
            }
        }
    }

    /**
     * Sends {@code bytes[0..start)} at once, then the rest one byte a second, on a thread of its
     * own, and expects the server's 1008 close within the frame timeout plus slack, no sooner than
     * the frame timeout; meanwhile another connection's echo completes.
     */
    private void trickleAndExpect1008(byte[] bytes, int start, String what) throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "slow-frame")) {
            long begun = System.nanoTime();
            Thread trickler = new Thread(() -> {
                try {
                    ws.sendRaw(Arrays.copyOf(bytes, Math.max(start, 1)));
                    for (int i = Math.max(start, 1); i < bytes.length; i++) {
                        Thread.sleep(1_000);
                        ws.sendRaw(new byte[] {bytes[i]});
                    }
                } catch (IOException | InterruptedException e) {
                    // The server closed the connection: the trickle is over.
                }
            }, "trickler");
            trickler.setDaemon(true);
            trickler.start();
            try {
                long echoMillis = EchoCheck.echoCompletes(base(), what);
                ws.setReadTimeout((int) (FRAME_TIMEOUT_MILLIS + SLACK_MILLIS));
                Frame close = ws.readCloseFrame();
                long closedAfter = elapsedMillis(begun);
                System.out.printf("[slow-peer] %s: close %d after %,d ms (frame timeout %d ms); another echo took"
                        + " %d ms, on %s%n", what, close.closeCode(), closedAfter, FRAME_TIMEOUT_MILLIS, echoMillis,
                        TargetContainer.qualifier());
                assertEquals(1008, close.closeCode(), () -> "close code for " + what + ": " + close.describeClose());
                assertTrue(closedAfter >= FRAME_TIMEOUT_MILLIS, "closed after " + closedAfter
                        + " ms, before the frame timeout of " + FRAME_TIMEOUT_MILLIS + " ms");
                assertTcpClosedSoon(ws);
            } finally {
                trickler.interrupt();
                trickler.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    /** The TCP connection ends after the close frame: EOF, or a reset (our trickle may meet a closed socket). */
    private static void assertTcpClosedSoon(RawWebSocket ws) throws IOException {
        ws.setReadTimeout(RawWebSocket.TCP_CLOSE_TIMEOUT_MILLIS);
        try {
            assertEquals(-1, ws.input().read(), "the server sent data after its close frame");
        } catch (SocketException e) {
            // a reset: closed, too
        }
    }

    private static long elapsedMillis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
