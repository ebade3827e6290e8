package dev.switch101.bench.load;

import java.util.function.IntToDoubleFunction;

/**
 * Warm-up beyond the fixed one, for servers whose compiler is still busy: after a target's
 * warm-up, uncounted rounds follow while its server's JVM compiled for more than
 * {@code quietSeconds} during the last of them, at most {@code maxRounds}.
 *
 * <p>Why: with the servers on one CPU, a server's C2 compiler falls behind while its own load runs,
 * and while C2's queue is long HotSpot's tiered policy raises the call counts at which a method is
 * queued for it, so many methods stay on C1's code. Only calls move them on: a server that goes
 * idle when its warm-up ends (the other columns' warm-ups follow) compiles them when its load
 * comes back, during the measured rounds. With its load going on, the same server settles
 * (README, "Performance", "How to read it").
 *
 * @param compileSeconds the seconds a target's server has compiled so far, by the target's index;
 *                       NaN where that is not known (then there is no extra warm-up)
 * @param maxRounds      the most extra rounds per target
 * @param quietSeconds   compilation during a round below which the server counts as settled
 */
public record JitSettling(IntToDoubleFunction compileSeconds, int maxRounds, double quietSeconds) {

    /** No extra warm-up. */
    public static final JitSettling NONE = new JitSettling(t -> Double.NaN, 0, 0);
}
