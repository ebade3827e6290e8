package dev.switch101.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * The outbound queue's bound while handler callbacks run inline, on a container thread that
 * holds up the write event: senders do not wait then, up to the overflow, and fail beyond it.
 */
class OutboundFlusherTest {

    private static final int CAPACITY = 1024;
    private static final int OVERFLOW = 4096;

    /** A container whose socket takes nothing: every write waits in the queue. */
    private final ScriptedOutput out = new ScriptedOutput(() -> false);
    private final OutboundFlusher flusher = new OutboundFlusher(
            new UpgradedConnection(new TestConnection(null, out), false), out, CAPACITY, OVERFLOW, () -> { },
            e -> { }, new OutputStallListener() {
                @Override
                public void onOutputStalled() {
                }

                @Override
                public void onWriteEvent() {
                }
            });

    @Test
    void aSenderWaitsForRoomUntilItsDeadlineWhenNoCallbackRunsInline() throws IOException {
        flusher.writeData(new byte[1000], deadlineIn(1000));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> flusher.writeData(new byte[100], deadlineIn(50)));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50), "it waited");
    }

    @Test
    void whileCallbacksRunInlineSendersQueuePastTheCapacityUpToTheOverflowWithoutWaiting() throws IOException {
        flusher.writeData(new byte[1000], deadlineIn(1000));
        assertTrue(flusher.beginInline());
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            flusher.writeData(new byte[1000], deadlineIn(10_000)); // 5,000 bytes queued: capacity + 3,976
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "no send waited for its deadline");
        IOException e = assertThrows(IOException.class, () -> flusher.writeData(new byte[200], deadlineIn(10_000)));
        assertInstanceOf(TimeoutException.class, e.getCause(), "fails like a send the peer never reads");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "failed at once");
    }

    @Test
    void aQueueAtItsCapacityRefusesToLetCallbacksRunInline() throws IOException {
        flusher.writeData(new byte[CAPACITY], deadlineIn(1000));
        assertFalse(flusher.beginInline());
    }

    @Test
    void afterTheInlineCallbacksSendersWaitAgain() throws IOException {
        assertTrue(flusher.beginInline());
        flusher.writeData(new byte[1000], deadlineIn(1000));
        flusher.writeData(new byte[1000], deadlineIn(1000));
        flusher.endInline();
        assertThrows(IOException.class, () -> flusher.writeData(new byte[100], deadlineIn(20)));
        assertEquals(0, out.written.size(), "nothing reached the stalled socket");
    }

    @Test
    void aStallReportedWhileTheWriteEventForItBeginsDoesNotOutliveTheEvent() throws Exception {
        // A sender meets "not ready", and before it reports the stall the container's write event
        // has begun on another thread. Told out of order, the reader would take the output for
        // stalled after the event had drained it, and wait for a write event that never comes.
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        RacingReadiness readiness = new RacingReadiness();
        ScriptedOutput racing = new ScriptedOutput(readiness::answer);
        OutboundFlusher racingFlusher = new OutboundFlusher(new UpgradedConnection(new TestConnection(null, racing), false),
                racing, CAPACITY, OVERFLOW, () -> { }, e -> { }, new OutputStallListener() {
                    @Override
                    public void onOutputStalled() {
                        told.add("stalled");
                    }

                    @Override
                    public void onWriteEvent() {
                        told.add("write event");
                    }
                });
        readiness.writeEvent = new Thread(racingFlusher::onWritePossible, "write-event");
        racingFlusher.writeData(new byte[10], deadlineIn(1000));
        readiness.writeEvent.join(5000);
        assertEquals(List.of("stalled", "write event"), told);
        assertEquals(10, racing.written.size(), "the write event wrote the frame");
    }

    private static long deadlineIn(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * Answers "not ready" once, after starting the write event on another thread and letting it
     * run until it has to wait for the flusher; ready from then on.
     */
    private static final class RacingReadiness {
        Thread writeEvent;
        private boolean answered;

        boolean answer() {
            if (answered) {
                return true;
            }
            answered = true;
            writeEvent.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (writeEvent.getState() != Thread.State.BLOCKED && writeEvent.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return false;
        }
    }
}
