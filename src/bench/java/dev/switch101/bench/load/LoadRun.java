package dev.switch101.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures one row against one or more echo endpoints. With several, their rounds are
 * interleaved: each target is connected and warmed up in turn, then round 1 runs on every
 * target, then round 2, and so on, each round starting one target further along the list. A
 * machine whose speed drifts over minutes (a shared VM's host) then slows every target's rounds
 * alike, instead of whichever target happened to run during the slow minutes, and no target
 * always goes first after the others' load. Never throws for what a server does: a target that
 * fails gets a failed {@link Result}, and the others go on.
 */
public final class LoadRun {

    private LoadRun() {
    }

    /** Runs {@code row} against {@code target} alone. */
    public static Result run(Row row, Target target, Settings settings) {
        return interleaved(row, List.of(target), settings).get(0);
    }

    /** Runs {@code row} against every target, round by round in turn; one result per target, in order. */
    public static List<Result> interleaved(Row row, List<Target> targets, Settings settings) {
        return interleaved(row, targets, settings, JitSettling.NONE, () -> { });
    }

    /**
     * As {@link #interleaved(Row, List, Settings)}, with a target's warm-up going on while its
     * server still compiles ({@code settling}), and calling {@code roundsStarting} once every
     * target is warmed up, before the first measured round.
     */
    public static List<Result> interleaved(Row row, List<Target> targets, Settings settings, JitSettling settling,
            Runnable roundsStarting) {
        int n = targets.size();
        TargetLoad[] loads = new TargetLoad[n];
        Result[] outcomes = new Result[n];
        double[][] samples = new double[n][settings.rounds()];
        try {
            for (int t = 0; t < n; t++) {
                loads[t] = start(row, targets.get(t), settings, settling, outcomes, t);
            }
            roundsStarting.run();
            for (int r = 0; r < settings.rounds(); r++) {
                for (int i = 0; i < n; i++) {
                    int t = (r + i) % n;
                    if (outcomes[t] == null) {
                        try {
                            samples[t][r] = loads[t].round();
                        } catch (BenchFailure e) {
                            outcomes[t] = failed(loads, t, e);
                        }
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                if (outcomes[t] == null) {
                    try {
                        loads[t].closeConnections();
                        outcomes[t] = Result.measured(samples[t]);
                    } catch (BenchFailure e) {
                        outcomes[t] = failed(loads, t, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (int t = 0; t < n; t++) {
                if (outcomes[t] == null) {
                    outcomes[t] = Result.failed("interrupted");
                }
            }
        } finally {
            for (TargetLoad load : loads) {
                if (load != null) {
                    load.close();
                }
            }
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }

    /**
     * Connects and warms up one target; null if it cannot be measured, with its outcome set
     * (not applicable, or failed).
     */
    private static TargetLoad start(Row row, Target target, Settings settings, JitSettling settling,
            Result[] outcomes, int t) throws InterruptedException {
        TargetLoad load;
        try {
            load = TargetLoad.open(row, target, settings);
        } catch (BenchFailure e) {
            outcomes[t] = Result.failed(e.getMessage());
            return null;
        } catch (IOException e) {
            outcomes[t] = Result.failed(e.toString());
            return null;
        }
        try {
            if (load.notApplicable() != null) {
                outcomes[t] = Result.notApplicable(load.notApplicable());
            } else {
                load.warmUp();
                settle(load, settling, t);
                return load;
            }
        } catch (BenchFailure e) {
            outcomes[t] = Result.failed(e.getMessage());
        }
        load.close();
        return null;
    }

    /**
     * Uncounted rounds while the target's server compiled for more than the quiet bound in the
     * last one; returns how many ran.
     */
    static int settle(TargetLoad load, JitSettling settling, int t) throws InterruptedException {
        int rounds = 0;
        double compiled = Double.NaN;
        // One reading a round: what a round ends with is what the next one starts from.
        double last = settling.maxRounds() > 0 ? settling.compileSeconds().applyAsDouble(t) : Double.NaN;
        while (rounds < settling.maxRounds() && !Double.isNaN(last)) {
            load.round();
            rounds++;
            double now = settling.compileSeconds().applyAsDouble(t);
            compiled = now - last;
            last = now;
            if (!(compiled > settling.quietSeconds())) {
                break;
            }
        }
        if (rounds > 0) {
            System.out.printf(Locale.ROOT, "[load] %s: %d more warm-up round(s), %.2f s compiled in the last%n",
                    load.target(), rounds, compiled);
        }
        return rounds;
    }

    /** The failure as a result; the target's connections are dropped, so they load nobody's round. */
    private static Result failed(TargetLoad[] loads, int t, BenchFailure e) {
        loads[t].close();
        loads[t] = null;
        return Result.failed(e.getMessage());
    }
}
