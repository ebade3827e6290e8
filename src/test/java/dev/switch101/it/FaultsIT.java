package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.UUID;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;

/**
 * Peers that vanish (RFC 6455 §7.1.5: no close frame → 1006): the endpoint learns of the close
 * exactly once, and the connection is gone from the server's books. Asked of the
 * {@code close-recorder} fixture over a second connection.
 */
@ExtendWith(ArquillianExtension.class)
class FaultsIT extends DeployedTarget {

    private static final long REPORT_WAIT_MILLIS = 10_000;

    @Test
    void peerVanishingMidMessageIsReportedOnceAs1006AndNothingLeaks() throws Exception {
        String id = UUID.randomUUID().toString();
        RawWebSocket doomed = RawWebSocket.connect(base(), "close-recorder?id=" + id);
        doomed.sendTruncated(Frame.text("x".repeat(1000)), 10);
        doomed.vanish();

        assertEquals("closes=1006 open=1", awaitReport(id, "closes=1006 open=1"));
    }

    @Test
    void resetConnectionIsReportedOnceAs1006AndNothingLeaks() throws Exception {
        String id = UUID.randomUUID().toString();
        RawWebSocket doomed = RawWebSocket.connect(base(), "close-recorder?id=" + id);
        doomed.send(Frame.text("part").withFin(false));
        doomed.reset();

        assertEquals("closes=1006 open=1", awaitReport(id, "closes=1006 open=1"));
    }

    @Test
    void cleanCloseIsReportedOnceWithThePeersCode() throws Exception {
        String id = UUID.randomUUID().toString();
        try (RawWebSocket ws = RawWebSocket.connect(base(), "close-recorder?id=" + id)) {
            ws.sendClose(4000, "done");
            ws.expectClose(4000);
        }
        assertEquals("closes=4000 open=1", awaitReport(id, "closes=4000 open=1"));
    }

    @Test
    void idleConnectionIsClosedWith1001() throws Exception {
        // The /idle fixture has a 1 s idle timeout; the close handshake is the server's.
        try (RawWebSocket ws = RawWebSocket.connect(base(), "idle")) {
            RawWebSocket.Frame close = ws.readCloseFrame();
            assertEquals(1001, close.closeCode(), close.describeClose());
            ws.sendClose(1001, "");
            ws.assertTcpClosed();
        }
    }

    /**
     * Asks the recorder until it answers {@code expected} or the wait is over, and returns the
     * last answer: the close is reported asynchronously, and a wrong answer must stay visible.
     */
    private String awaitReport(String id, String expected) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + REPORT_WAIT_MILLIS;
        try (RawWebSocket reporter = RawWebSocket.connect(base(), "close-recorder")) {
            String answer;
            do {
                reporter.sendText("report " + id);
                answer = reporter.readText();
                if (answer.equals(expected)) {
                    // Once more after a pause: a second report of the same close would show now.
                    Thread.sleep(300);
                    reporter.sendText("report " + id);
                    return reporter.readText();
                }
                Thread.sleep(100);
            } while (System.currentTimeMillis() < deadline);
            return answer;
        }
    }
}
