package dev.switch101.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A seeded, reproducible driver for the fuzz targets ({@code *FuzzTest}): runs a target once per
 * input, each input with a random source of its own, derived from the run's seed and the input's
 * number, so one failing input can be replayed alone.
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code fuzz.seed}: the run's seed (default: a fresh one, printed);
 *   <li>{@code fuzz.scale}: multiplies every target's input count (default 1; the
 *       {@code fuzz-long} profile raises it);
 *   <li>{@code fuzz.replay}: the seed of one input, as printed with a failure: runs only that input.
 * </ul>
 *
 * <p>A crash (an exception other than the ones a target documents, or a broken property) fails the
 * test with the input's replay seed. A hang is an input that runs longer than
 * {@link #HANG_MILLIS}: a watchdog prints the replay seed and the stack, and the test's own
 * timeout ends it.
 */
public final class FuzzRun {

    /** An input that runs this long is reported as a hang. */
    public static final long HANG_MILLIS = 10_000;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Long runs say how far they are every this many inputs. */
    private static final long PROGRESS_EVERY = 250_000;

    private FuzzRun() {
    }

    /** One fuzz target: checks one input made from {@code random}. */
    @FunctionalInterface
    public interface Target {
        void run(SplittableRandom random) throws Exception;
    }

    /**
     * Runs a target over {@code inputs} x {@code fuzz.scale} inputs (or the one input of
     * {@code fuzz.replay}), printing the name, seed, input count and time.
     *
     * @return the number of inputs run
     * @throws AssertionError naming the replay seed of the first input that failed
     */
    public static long run(String name, long inputs, Target target) {
        String replay = System.getProperty("fuzz.replay");
        if (replay != null && !replay.isBlank()) {
            runOne(name, Long.parseLong(replay.trim()), target);
            System.out.printf("fuzz %s: replayed input %s%n", name, replay.trim());
            return 1;
        }
        long seed = Long.getLong("fuzz.seed", new SplittableRandom().nextLong());
        long total = inputs * Math.max(1, Long.getLong("fuzz.scale", 1));
        long start = System.nanoTime();
        Watchdog watchdog = new Watchdog(name, Thread.currentThread());
        watchdog.start();
        try {
            for (long i = 0; i < total; i++) {
                long inputSeed = mix(seed + i * GOLDEN);
                watchdog.begin(inputSeed);
                runOne(name, inputSeed, target);
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    System.out.printf("fuzz %s: %,d of %,d inputs, %,d ms%n", name, i + 1, total,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            }
        } finally {
            watchdog.interrupt();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("fuzz %s: %,d inputs, seed %d (-Dfuzz.seed=%d replays the run), %,d ms%n",
                name, total, seed, seed, millis);
        return total;
    }

    private static void runOne(String name, long inputSeed, Target target) {
        try {
            target.run(new SplittableRandom(inputSeed));
        } catch (Throwable e) {
            AssertionError failure = new AssertionError("fuzz " + name + ": input failed; replay it alone with -Dfuzz.replay="
                    + inputSeed + ": " + e, e);
            throw failure;
        }
    }

    /** Stafford's mix13 (SplitMix64's finaliser): neighbouring input numbers get unrelated seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Prints the seed and the stack of an input that runs longer than {@link #HANG_MILLIS}. */
    private static final class Watchdog extends Thread {
        private final String name;
        private final Thread fuzzer;
        private volatile long inputSeed;
        private volatile long startedNanos = System.nanoTime();

        Watchdog(String name, Thread fuzzer) {
            super("fuzz-watchdog-" + name);
            this.name = name;
            this.fuzzer = fuzzer;
            setDaemon(true);
        }

        void begin(long seed) {
            inputSeed = seed;
            startedNanos = System.nanoTime();
        }

        @Override
        public void run() {
            long reported = 0;
            while (!isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return; // the run is over
                }
                long started = startedNanos;
                if (started != reported && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(HANG_MILLIS)) {
                    reported = started;
                    System.err.printf("fuzz %s: HANG: an input has run for over %d ms; replay it with -Dfuzz.replay=%d%n%s%n",
                            name, HANG_MILLIS, inputSeed, Arrays.toString(fuzzer.getStackTrace()));
                }
            }
        }
    }
}
