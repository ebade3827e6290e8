package dev.switch101.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Measures one row against one echo endpoint: connect, warm up, {@code rounds} timed rounds,
 * then a clean close. Bounded in time: every wait has a deadline, and a round in which nothing
 * was echoed is a failure (a stall), as is any echo that differs from what was sent.
 */
public final class LoadRun {

    /** The most that connecting, draining or closing may take. */
    private static final long PHASE_TIMEOUT_MILLIS = 60_000;
    /** The most that one round of the handshake row may take. */
    private static final long HANDSHAKE_ROUND_TIMEOUT_MILLIS = 180_000;

    private final Row row;
    private final Target target;
    private final Settings settings;
    private final List<EventLoop> loops = new ArrayList<>();

    private LoadRun(Row row, Target target, Settings settings) {
        this.row = row;
        this.target = target;
        this.settings = settings;
    }

    /** Runs {@code row} against {@code target}; never throws for what the server does. */
    public static Result run(Row row, Target target, Settings settings) {
        LoadRun run = new LoadRun(row, target, settings);
        try {
            return row.handshakes() ? run.handshakes() : run.echo();
        } catch (BenchFailure e) {
            return Result.failed(e.getMessage());
        } catch (IOException e) {
            return Result.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        } finally {
            run.stop();
        }
    }

    private Result echo() throws IOException, InterruptedException {
        int threads = Math.max(1, Math.min(settings.threads(), row.connections()));
        for (int t = 0; t < threads; t++) {
            EventLoop loop = new EventLoop(row, target, settings.seed() + 1_000_000L * t, "load-" + t);
            loops.add(loop);
            loop.start();
            loop.open(row.connections() / threads + (t < row.connections() % threads ? 1 : 0));
        }
        await("connecting", () -> sum(EventLoop::opened) == row.connections() || notApplicable() != null);
        if (notApplicable() != null) {
            return Result.notApplicable(notApplicable());
        }
        loops.forEach(l -> l.sending(true));
        sleepChecking(settings.warmupSeconds() * 1000L);
        double[] samples = new double[settings.rounds()];
        ToLongFunction<EventLoop> counter = row.megabytes() ? EventLoop::echoedBytes : EventLoop::echoedMessages;
        for (int r = 0; r < samples.length; r++) {
            long before = sum(counter);
            long t0 = System.nanoTime();
            sleepChecking(settings.roundSeconds() * 1000L);
            long count = sum(counter) - before;
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (count == 0) {
                throw new BenchFailure("stalled: nothing echoed for " + settings.roundSeconds() + " s");
            }
            samples[r] = (row.megabytes() ? count / 1e6 : count) / seconds;
        }
        loops.forEach(l -> l.sending(false));
        await("draining the messages in flight", () -> sum(EventLoop::inFlight) == 0);
        loops.forEach(EventLoop::closeAll);
        await("closing", () -> sum(EventLoop::closed) == row.connections());
        return Result.measured(samples);
    }

    private Result handshakes() throws IOException, InterruptedException {
        EventLoop loop = new EventLoop(row, target, settings.seed(), "load-handshakes");
        loops.add(loop);
        long warmup = Math.max(1, settings.handshakeWarmup());
        long total = warmup + (long) settings.rounds() * settings.handshakes();
        loop.handshakeLimit(total);
        loop.start();
        loop.open((int) Math.min(row.connections(), total));
        long mark = warmup;
        // A long warm-up gets time in proportion: at least 500 handshakes a second.
        awaitCount(loop, mark, Math.max(HANDSHAKE_ROUND_TIMEOUT_MILLIS, warmup * 2));
        double[] samples = new double[settings.rounds()];
        for (int r = 0; r < samples.length; r++) {
            long t0 = System.nanoTime();
            mark += settings.handshakes();
            awaitCount(loop, mark, HANDSHAKE_ROUND_TIMEOUT_MILLIS);
            samples[r] = settings.handshakes() / ((System.nanoTime() - t0) / 1e9);
        }
        return Result.measured(samples);
    }

    /** Waits (polling every millisecond, for a fine clock) until {@code count} connections completed. */
    private void awaitCount(EventLoop loop, long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (loop.closed() < count) {
            check();
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("only " + loop.closed() + " of " + count + " handshakes in " + timeoutMillis
                        + " ms");
            }
            Thread.sleep(1);
        }
    }

    private void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
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

    private String notApplicable() {
        return loops.stream().map(EventLoop::notApplicable).filter(n -> n != null).findFirst().orElse(null);
    }

    private long sum(ToLongFunction<EventLoop> counter) {
        return loops.stream().mapToLong(counter).sum();
    }

    private void stop() {
        for (EventLoop loop : loops) {
            try {
                loop.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
