package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.EchoCheck;
import dev.switch101.it.fixtures.FloodHandler;
import dev.switch101.it.fixtures.TestEndpoints;
import dev.switch101.it.support.RawWebSocket;

/**
 * A client that stops reading must not make the server buffer without bound: the sender
 * waits for room in the bounded outbound queue, its send timeout fires, and the server drops
 * the connection — having queued only a bounded amount for it. Meanwhile another connection's
 * echo completes.
 */
@ExtendWith(ArquillianExtension.class)
class SlowReaderIT extends DeployedTarget {

    private static final int MESSAGES = 2_000; // 2,000 x 64 KiB = 125 MiB offered

    @Test
    void sendTimeoutFiresAndWhatReachesAStalledClientStaysBounded() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "flood")) {
            ws.sendText("flood " + MESSAGES);

            // Stall: read nothing for longer than the endpoint's send timeout. Meanwhile another
            // connection is served.
            long stallStart = System.nanoTime();
            long echoMillis = EchoCheck.echoCompletes(base(), "a client that does not read");
            long stalledSoFar = (System.nanoTime() - stallStart) / 1_000_000;
            Thread.sleep(Math.max(0, TestEndpoints.FLOOD_SEND_TIMEOUT.toMillis() * 4 - stalledSoFar));

            long received = drainUntilClosed(ws.input());
            long offered = (long) MESSAGES * FloodHandler.MESSAGE_BYTES;
            // What reached us is what the socket buffers and the bounded queue held when the
            // timeout fired: a few MiB at most, far from everything that was offered.
            System.out.printf("[switch101] stalled client received %,d of %,d bytes offered; another connection's echo"
                    + " took %d ms meanwhile%n", received, offered, echoMillis);
            assertTrue(received < offered / 8, "received " + received + " of " + offered + " bytes");
        }
    }

    /** Reads until the server closes the connection; fails if it keeps it open. */
    private static long drainUntilClosed(InputStream in) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the stalled connection open (" + total + " bytes read)", e);
        } catch (SocketException e) {
            // A reset is a close, too.
        }
        return total;
    }
}
