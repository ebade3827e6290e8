package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.ServerProbe;
import dev.switch101.it.support.TargetContainer;

/**
 * A connection whose reading is paused must cost no CPU. A 16 MiB message to the engine-level
 * streaming echo ({@code /stream-echo}) and nothing read back for 11 s: the echo fills the
 * socket, the handler's send waits in the full outbound
 * queue (send timeout 30 s), its backlog stops the engine's reading, and TCP stalls the client.
 * Nothing happens on that connection then, and the server process must be (nearly) idle. A reader
 * that is called again and again while paused burns a core instead: on Tomcat a read callback
 * that returns with input unread is dispatched again at once (13–17 s of CPU in 17–19 s before
 * the engine parked its callback thread). Here the output is stalled too, which is when the
 * engine's parked reader returns from the callback to let a write event through.
 *
 * <p>The server's CPU time comes from the {@code /it/cpu} probe and is printed as
 * {@code [paused] <container>: X s CPU in 10 s}, with the busiest threads. Then the whole echo
 * is read and checked. With Tomcat embedded the test JVM is the server's process: during the
 * window the client only sleeps (its writer is blocked in a socket write).
 */
@ExtendWith(ArquillianExtension.class)
class PausedReaderIT extends DeployedTarget {

    /**
     * 16 MiB: the loopback socket buffers alone (send buffers up to 4 MiB, receive buffers
     * autotuned) took 8–9 MB of the message on this kind of machine before the client stalled,
     * so a 4 MiB message can go through whole and leave nothing paused. That the client's writer
     * really stalls is asserted.
     */
    private static final int MESSAGE_BYTES = 16 << 20;

    /** The client writes the frame in slices of this size, counting what went out. */
    private static final int CHUNK = 64 * 1024;

    /** Time for the echo to fill the socket buffers and the engine to pause, before the window. */
    private static final long SETTLE_MILLIS = 1_000;

    private static final long WINDOW_MILLIS = 10_000;

    /** A fifth of a core: an idle server uses a few hundredths, a spinning reader about one core. */
    private static final long CPU_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Test
    void noCpuIsBurntWhileReadingIsPausedAndTheEchoIsWholeAfterwards() throws Exception {
        byte[] message = new byte[MESSAGE_BYTES];
        new Random(101).nextBytes(message);
        byte[] expectedHash = sha256(message);
        byte[] frame = maskedBinaryFrame(message);
        ServerProbe probe = new ServerProbe(base());
        probe.cpu(); // warm the probe up (its classes, the MBean server), outside the window

        try (RawWebSocket ws = RawWebSocket.connect(base(), "stream-echo")) {
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int at = 0; at < frame.length; at += CHUNK) {
                        ws.sendRaw(Arrays.copyOfRange(frame, at, Math.min(frame.length, at + CHUNK)));
                        written.set(Math.min(frame.length, at + CHUNK));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(SETTLE_MILLIS);
            long writtenBefore = written.get();
            ServerProbe.Cpu before = probe.cpu();
            long start = System.nanoTime();
            Thread.sleep(WINDOW_MILLIS);
            ServerProbe.Cpu after = probe.cpu();
            long window = System.nanoTime() - start;
            long writtenAfter = written.get();
            long burnt = after.processNanos() - before.processNanos();
            System.out.printf("[paused] %s: %.2f s CPU in %.0f s (%.1f of %.1f MB written, then stalled; busiest threads: %s)%n",
                    TargetContainer.qualifier(), burnt / 1e9, window / 1e9, writtenAfter / 1e6, frame.length / 1e6,
                    after.busiestSince(before, 3));

            // The client's writer made no progress during the window, with most of the message
            // left: the server was not reading (its receive window was shut), so the window
            // really measured a paused reader.
            assertTrue(!sending.isDone() && writtenAfter == writtenBefore && writtenAfter < frame.length,
                    () -> "the server did not stop reading: " + writtenBefore + " bytes written before the window, "
                            + writtenAfter + " after, of " + frame.length + (sending.isDone() ? " (all sent)" : ""));

            // Now read: the echo flows, the engine reads on, and the whole message comes back.
            RawWebSocket.Message echo = ws.readMessage();
            sending.get(30, TimeUnit.SECONDS);
            assertEquals(OpCode.BINARY, echo.type(), "echo type");
            assertEquals(MESSAGE_BYTES, echo.payload().length, "echo length");
            assertArrayEquals(expectedHash, sha256(echo.payload()), "echo content (SHA-256)");
            ws.sendClose(1000, "");
            ws.expectClose(1000);

            // Last, so that a CPU failure still shows whether the connection came through whole.
            assertTrue(burnt < CPU_BOUND_NANOS, () -> String.format(
                    "the server burnt %.2f s of CPU in %.1f s while reading was paused (bound %d s); busiest: %s",
                    burnt / 1e9, window / 1e9, TimeUnit.NANOSECONDS.toSeconds(CPU_BOUND_NANOS),
                    after.busiestSince(before, 5)));
        }
    }

    /** One final binary frame as a client sends it: 64-bit length, masked (RFC 6455 §5.2, §5.3). */
    private static byte[] maskedBinaryFrame(byte[] payload) {
        byte[] mask = new byte[4];
        new Random().nextBytes(mask);
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
        frame.put((byte) 0x82).put((byte) (0x80 | 127)).putLong(payload.length).put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.array();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
