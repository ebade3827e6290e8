package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import jakarta.websocket.SendResult;

/** The per-session async send queue: in order, bounded, and a send that waited past its timeout is not sent. */
class AsyncSendQueueTest {

    /** An executor the test runs by hand: shows how many tasks a session puts in the shared executor. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor manual = tasks::add;

    @Test
    void sendsRunInSubmissionOrderAsOneExecutorTask() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 10);
        List<Integer> sent = new ArrayList<>();
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            queue.submit(() -> sent.add(n), results::add, 0, () -> false);
        }
        assertEquals(1, tasks.size());
        tasks.poll().run();
        assertEquals(List.of(0, 1, 2, 3, 4), sent);
        assertEquals(5, results.size());
        assertTrue(results.stream().allMatch(SendResult::isOK));
    }

    @Test
    void sendBeyondTheCapacityFailsAtOnceAndIsNotSent() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 2);
        List<Integer> sent = new ArrayList<>();
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            queue.submit(() -> sent.add(n), results::add, 0, () -> false);
        }
        assertEquals(1, results.size(), "the third is refused before anything runs");
        assertFalse(results.get(0).isOK());
        assertInstanceOf(IOException.class, results.get(0).getException());
        tasks.poll().run();
        assertEquals(List.of(0, 1), sent);
    }

    @Test
    void sendWhoseTimeoutPassedInTheQueueFailsWithATimeoutAndIsNotSent() throws InterruptedException {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 2);
        List<Integer> sent = new ArrayList<>();
        List<SendResult> results = new ArrayList<>();
        queue.submit(() -> sent.add(1), results::add, 1, () -> false);
        Thread.sleep(20); // only makes sure the 1 ms deadline is behind us; nothing is timed
        tasks.poll().run();
        assertEquals(List.of(), sent);
        assertInstanceOf(SocketTimeoutException.class, results.get(0).getException());
    }

    @Test
    void failingSendReportsItsExceptionAndTheNextStillRuns() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 5);
        List<SendResult> results = new ArrayList<>();
        IOException boom = new IOException("closed");
        queue.submit(() -> {
            throw boom;
        }, results::add, 0, () -> false);
        queue.submit(() -> { }, results::add, 0, () -> false);
        tasks.poll().run();
        assertEquals(boom, results.get(0).getException());
        assertTrue(results.get(1).isOK());
    }

    // An encoder's AssertionError escaped the drain and left the queue marked as running: every
    // later send only queued, waiting for a drain that never came, and none completed.
    @Test
    void encoderErrorFailsThatSendAndTheQueueGoesOn() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 5);
        List<SendResult> results = new ArrayList<>();
        AssertionError broken = new AssertionError("encoder bug");
        queue.submit(() -> {
            throw broken;
        }, results::add, 0, () -> false);
        tasks.poll().run();
        assertEquals(broken, results.get(0).getException());
        queue.submit(() -> { }, results::add, 0, () -> false);
        assertEquals(1, tasks.size(), "the next send is drained again");
        tasks.poll().run();
        assertTrue(results.get(1).isOK());
    }

    // A SendHandler's Error escaped the same way: the sends queued behind it never completed.
    @Test
    void handlerErrorFailsTheSendsBehindItAndTheQueueGoesOn() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 5);
        List<SendResult> results = new ArrayList<>();
        StackOverflowError handlerBug = new StackOverflowError();
        queue.submit(() -> { }, r -> {
            throw handlerBug;
        }, 0, () -> false);
        queue.submit(() -> { }, results::add, 0, () -> false);
        assertThrows(StackOverflowError.class, () -> tasks.poll().run(), "not swallowed");
        assertEquals(1, results.size());
        assertInstanceOf(IOException.class, results.get(0).getException());
        queue.submit(() -> { }, results::add, 0, () -> false);
        tasks.poll().run();
        assertTrue(results.get(1).isOK());
    }

    @Test
    void cancelledSendIsSkipped() {
        AsyncSendQueue queue = new AsyncSendQueue(manual, 5);
        List<Integer> sent = new ArrayList<>();
        queue.submit(() -> sent.add(1), r -> { }, 0, () -> true);
        queue.submit(() -> sent.add(2), r -> { }, 0, () -> false);
        tasks.poll().run();
        assertEquals(List.of(2), sent);
    }
}
