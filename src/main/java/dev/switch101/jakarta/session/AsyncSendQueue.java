package dev.switch101.jakarta.session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

/**
 * The asynchronous sends of one session: a bounded queue run one at a time, in submission
 * order, on the shared async-send executor — no thread of its own, at most one task in the
 * executor's queue per session.
 *
 * <p><b>Full queue.</b> A send submitted while {@code capacity} sends are pending is refused at
 * once: its handler gets a failed {@link SendResult} (an {@link IOException} saying so), on the
 * submitting thread, and nothing is sent; the connection stays open. Memory is thus bounded by
 * {@code capacity} messages per session, and the caller learns at once that it is ahead of the peer.
 *
 * <p><b>Timeout.</b> A send that has waited in the queue longer than the session's async send
 * timeout fails with a {@link SocketTimeoutException} without being sent. A send under way is
 * bounded by the engine's send timeout, after which the engine drops the connection (the
 * message can never be finished) and the send fails.
 */
final class AsyncSendQueue {

    private static final System.Logger LOG = System.getLogger(AsyncSendQueue.class.getName());

    /** One send's work. */
    @FunctionalInterface
    interface Send {
        void run() throws Exception;
    }

    private record Pending(Send send, SendHandler handler, long deadline, BooleanSupplier cancelled) {
    }

    private final Executor executor;
    private final int capacity;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private boolean running;

    AsyncSendQueue(Executor executor, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Async send queue capacity must be positive: " + capacity);
        }
        this.executor = executor;
        this.capacity = capacity;
    }

    /**
     * @param timeoutMillis how long it may wait to start; zero or less for no limit of its own
     * @param cancelled     whether the caller gave up on it (a cancelled {@code Future}): then it is skipped
     */
    void submit(Send send, SendHandler handler, long timeoutMillis, BooleanSupplier cancelled) {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : Long.MAX_VALUE;
        boolean full;
        boolean start = false;
        synchronized (queue) {
            full = queue.size() >= capacity;
            if (!full) {
                queue.add(new Pending(send, handler, deadline, cancelled));
                start = !running;
                running = true;
            }
        }
        if (full) {
            complete(handler, new SendResult(new IOException(
                    "Too many async sends pending on this session (" + capacity + "); this one was not sent")));
            return;
        }
        if (!start) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            failAll(new IOException("The async send executor takes no more work", e));
        }
    }

    private void drain() {
        try {
            for (Pending pending = next(); pending != null; pending = next()) {
                run(pending);
            }
        } catch (Throwable t) {
            // An Error from an encoder or a SendHandler (run() reports exceptions as results): the
            // sends behind it fail instead of waiting for a drain that would never come again.
            failAll(new IOException("An async send of this session failed: " + t, t));
            throw t;
        }
    }

    private void run(Pending pending) {
        if (pending.cancelled().getAsBoolean()) {
            return;
        }
        SendResult result;
        if (pending.deadline() != Long.MAX_VALUE && System.nanoTime() - pending.deadline() > 0) {
            result = new SendResult(
                    new SocketTimeoutException("The async send timeout passed before the message could be sent"));
        } else {
            try {
                pending.send().run();
                result = new SendResult();
            } catch (Exception | LinkageError | AssertionError e) {
                // An encoder's failure, like the handler callbacks' (EndpointFrameHandler): the send's result.
                result = new SendResult(e);
            }
        }
        complete(pending.handler(), result);
    }

    private void failAll(IOException cause) {
        for (Pending pending = next(); pending != null; pending = next()) {
            complete(pending.handler(), new SendResult(cause));
        }
    }

    /** The next pending send, or {@code null} with the queue marked idle (the next submit drains it). */
    private Pending next() {
        synchronized (queue) {
            Pending next = queue.poll();
            if (next == null) {
                running = false;
            }
            return next;
        }
    }

    static void complete(SendHandler handler, SendResult result) {
        try {
            handler.onResult(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A SendHandler failed", e);
        }
    }
}
