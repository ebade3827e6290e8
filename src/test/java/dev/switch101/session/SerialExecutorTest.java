package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** The order and the threads of a connection's task queue. */
class SerialExecutorTest {

    private final ArrayDeque<Runnable> handedOff = new ArrayDeque<>();
    private final Executor executor = handedOff::add;
    private final List<String> ran = new ArrayList<>();
    private final List<String> flushes = new ArrayList<>();
    private final SerialExecutor serial = new SerialExecutor(executor, () -> flushes.add("after " + ran));

    @Test
    void tasksRunInOrderOnTheExecutorWithOneFlushPerBatch() {
        serial.execute(() -> ran.add("a"));
        serial.execute(() -> ran.add("b"));
        assertEquals(1, handedOff.size(), "one drain for the batch");
        handedOff.poll().run();
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of("after [a, b]"), flushes);
        assertTrue(serial.isIdle());
    }

    @Test
    void runAloneHereRunsOnTheCallingThreadWhenIdle() {
        Thread caller = Thread.currentThread();
        assertTrue(serial.runAloneHereIfIdle(() -> ran.add(Thread.currentThread() == caller ? "here" : "elsewhere")));
        assertEquals(List.of("here"), ran);
        assertTrue(handedOff.isEmpty());
        assertTrue(serial.isIdle());
        assertEquals(List.of(), flushes, "the caller flushes");
    }

    @Test
    void runAloneHereDoesNotRunWhileATaskIsQueued() {
        serial.execute(() -> ran.add("queued"));
        assertFalse(serial.runAloneHereIfIdle(() -> ran.add("alone")));
        assertEquals(List.of(), ran);
    }

    // The caller vouches for its one task (engine code on a container thread), not for the
    // application callbacks other threads queue meanwhile: those must go to the executor.
    @Test
    void whatIsQueuedWhileTheTaskRunsHereGoesToTheExecutorNotToThisThread() {
        assertTrue(serial.runAloneHereIfIdle(() -> {
            ran.add("alone");
            serial.execute(() -> ran.add("queued meanwhile"));
        }));
        assertEquals(List.of("alone"), ran);
        assertFalse(serial.isIdle());
        assertEquals(1, handedOff.size());
        handedOff.poll().run();
        assertEquals(List.of("alone", "queued meanwhile"), ran);
        assertTrue(serial.isIdle());
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheQueue() {
        assertTrue(serial.runAloneHereIfIdle(() -> {
            throw new IllegalStateException("a bug");
        }));
        assertTrue(serial.isIdle());
        serial.execute(() -> ran.add("next"));
        handedOff.poll().run();
        assertEquals(List.of("next"), ran);
    }
}
