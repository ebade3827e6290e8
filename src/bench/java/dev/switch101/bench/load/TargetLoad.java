package dev.switch101.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * One row's load on one target, kept between its rounds so that several targets can take turns
 * ({@link LoadRun#interleaved}): the echo rows keep their connections open and only stop sending
 * between rounds; the handshake row lets its loop start the next round's connections. Bounded in
 * time: every wait has a deadline, and a round in which nothing was echoed is a failure (a stall),
 * as is any echo that differs from what was sent. Failures are thrown as {@link BenchFailure}.
 */
final class TargetLoad implements AutoCloseable {

    /** The most that connecting, draining or closing may take. */
    private static final long PHASE_TIMEOUT_MILLIS = 60_000;
    /** The most that one round of the handshake row may take. */
    private static final long HANDSHAKE_ROUND_TIMEOUT_MILLIS = 180_000;
    /**
     * Sending before an echo round starts counting: the target was idle while the others took
     * their turn, and its first messages refill the pipeline rather than measure its rate.
     */
    private static final long RAMP_MILLIS = 500;

    private final Row row;
    private final Target target;
    private final Settings settings;
    private final List<EventLoop> loops = new ArrayList<>();
    /** Handshake row: connections the loop may have started so far. */
    private long handshakeLimit;

    private TargetLoad(Row row, Target target, Settings settings) {
        this.row = row;
        this.target = target;
        this.settings = settings;
    }

    /**
     * Starts the load's loops and, for an echo row, opens its connections; check
     * {@link #notApplicable()} before the first round.
     */
    static TargetLoad open(Row row, Target target, Settings settings) throws IOException, InterruptedException {
        TargetLoad load = new TargetLoad(row, target, settings);
        try {
            load.start();
            return load;
        } catch (IOException | InterruptedException | RuntimeException e) {
            load.close();
            throw e;
        }
    }

    Target target() {
        return target;
    }

    /** Why the row cannot run on this target (the server declined permessage-deflate), or null. */
    String notApplicable() {
        for (EventLoop loop : loops) {
            if (loop.notApplicable() != null) {
                return loop.notApplicable();
            }
        }
        return null;
    }

    /** Load before the rounds, not counted. */
    void warmUp() throws InterruptedException {
        if (row.handshakes()) {
            long warmup = Math.max(1, settings.handshakeWarmup());
            // A long warm-up gets time in proportion: at least 500 handshakes a second.
            handshakes(warmup, Math.max(HANDSHAKE_ROUND_TIMEOUT_MILLIS, warmup * 2));
        } else {
            loops.forEach(l -> l.sending(true));
            sleepChecking(settings.warmupSeconds() * 1000L);
            pause();
        }
    }

    /** One measured round: messages (or MB, or handshakes) per second. */
    double round() throws InterruptedException {
        if (row.handshakes()) {
            long t0 = System.nanoTime();
            handshakes(settings.handshakes(), HANDSHAKE_ROUND_TIMEOUT_MILLIS);
            return settings.handshakes() / ((System.nanoTime() - t0) / 1e9);
        }
        ToLongFunction<EventLoop> counter = row.megabytes() ? EventLoop::echoedBytes : EventLoop::echoedMessages;
        loops.forEach(l -> l.sending(true));
        sleepChecking(RAMP_MILLIS);
        long before = sum(counter);
        long t0 = System.nanoTime();
        sleepChecking(settings.roundSeconds() * 1000L);
        long count = sum(counter) - before;
        double seconds = (System.nanoTime() - t0) / 1e9;
        pause();
        if (count == 0) {
            throw new BenchFailure("stalled: nothing echoed for " + settings.roundSeconds() + " s");
        }
        return (row.megabytes() ? count / 1e6 : count) / seconds;
    }

    /** Ends an echo row's connections with a close handshake each, waiting for the server's close. */
    void closeConnections() throws InterruptedException {
        if (!row.handshakes()) {
            loops.forEach(EventLoop::closeAll);
            await("closing", () -> sum(EventLoop::closed) == row.connections());
        }
    }

    /** Stops the loops and drops whatever connection is still open. */
    @Override
    public void close() {
        for (EventLoop loop : loops) {
            try {
                loop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void start() throws IOException, InterruptedException {
        if (row.handshakes()) {
            loops.add(new EventLoop(row, target, settings.seed(), "load-handshakes"));
            loops.get(0).start();
            return;
        }
        int threads = Math.max(1, Math.min(settings.threads(), row.connections()));
        for (int t = 0; t < threads; t++) {
            EventLoop loop = new EventLoop(row, target, settings.seed() + 1_000_000L * t, "load-" + t);
            loops.add(loop);
            loop.start();
            loop.open(row.connections() / threads + (t < row.connections() % threads ? 1 : 0));
        }
        await("connecting", () -> sum(EventLoop::opened) == row.connections() || notApplicable() != null);
    }

    /** Stops sending and waits until every message in flight is echoed. */
    private void pause() throws InterruptedException {
        loops.forEach(l -> l.sending(false));
        await("draining the messages in flight", () -> sum(EventLoop::inFlight) == 0);
    }

    /** Lets the loop start {@code count} more connections and waits until all of them completed. */
    private void handshakes(long count, long timeoutMillis) throws InterruptedException {
        EventLoop loop = loops.get(0);
        handshakeLimit += count;
        loop.handshakeLimit(handshakeLimit);
        loop.open((int) Math.min(row.connections(), count));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        // Polls every millisecond, for a fine clock.
        while (loop.closed() < handshakeLimit) {
            check();
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("only " + loop.closed() + " of " + handshakeLimit + " handshakes in "
                        + timeoutMillis + " ms");
            }
            Thread.sleep(1);
        }
    }

    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT_MILLIS * 1_000_000;
        while (!done.getAsBoolean()) {
            check();
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("timed out " + what + " (" + PHASE_TIMEOUT_MILLIS / 1000 + " s)");
            }
            Thread.sleep(5);
        }
        check();
    }

    private void sleepChecking(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            check();
            Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
        }
        check();
    }

    private void check() {
        for (EventLoop loop : loops) {
            if (loop.failure() != null) {
                throw loop.failure();
            }
        }
    }

    private long sum(ToLongFunction<EventLoop> counter) {
        long total = 0;
        for (EventLoop loop : loops) {
            total += counter.applyAsLong(loop);
        }
        return total;
    }
}
