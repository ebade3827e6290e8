package dev.switch101.session;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read back-pressure: what has been read from the peer but not yet handled by the application,
 * measured as payload bytes plus a fixed cost per queued callback, so that a flood of empty
 * messages or pongs weighs as much as the bytes it takes to keep them.
 *
 * <p>The reader asks {@link #shouldPause()} after each read; past the high-water mark reading
 * pauses, and it resumes (the {@code resume} action runs once) when the application has
 * brought the backlog down to half of it. The check-then-pause race with a draining
 * application is closed by re-checking after the pause is published.
 */
final class InboundBacklog {

    /**
     * What one queued callback costs beyond its payload: the task, its closure and a buffer
     * header, roughly. It makes empty messages and control frames count.
     */
    static final int TASK_COST = 128;

    private final long highWater;
    private final long lowWater;
    private final Runnable resume;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();

    /**
     * @param highWater backlog (bytes) at which reading pauses
     * @param resume    restarts reading; runs on the application thread that drained the backlog
     */
    InboundBacklog(long highWater, Runnable resume) {
        this.highWater = highWater;
        this.lowWater = highWater / 2;
        this.resume = resume;
    }

    /** A callback carrying {@code payloadBytes} was queued; returns its cost, to be passed to {@link #done}. */
    long add(int payloadBytes) {
        long cost = (long) payloadBytes + TASK_COST;
        queued.addAndGet(cost);
        return cost;
    }

    /** A queued callback has run. */
    void done(long cost) {
        if (queued.addAndGet(-cost) <= lowWater && paused.compareAndSet(true, false)) {
            resume.run();
        }
    }

    /**
     * Called by the reader after handing over a read: whether to stop reading until resumed.
     * When it answers {@code true}, the resume action will run exactly once.
     */
    boolean shouldPause() {
        if (queued.get() < highWater) {
            return false;
        }
        paused.set(true);
        // The application may have drained everything between the check and the flag: then no
        // one would resume us, so take the pause back.
        return !(queued.get() <= lowWater && paused.compareAndSet(true, false));
    }

    /** Whether the backlog has reached the mark at which reading pauses. */
    boolean isFull() {
        return queued.get() >= highWater;
    }
}
