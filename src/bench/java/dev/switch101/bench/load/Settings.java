package dev.switch101.bench.load;

/**
 * How long and how often each row is measured.
 *
 * @param warmupSeconds load before the first round, not counted
 * @param rounds        measured rounds (the table shows their median and spread)
 * @param roundSeconds  length of one echo round
 * @param handshakes    connections per round of the handshake row
 * @param handshakeWarmup connections of the handshake row's warm-up, not counted
 * @param threads       selector threads of the generator
 * @param seed          seeds every connection's content and keys
 */
public record Settings(int warmupSeconds, int rounds, int roundSeconds, int handshakes, int handshakeWarmup, int threads,
        long seed) {

    /** From {@code -Dbench.*} system properties, with the defaults of a full run. */
    public static Settings fromSystemProperties() {
        int handshakes = Integer.getInteger("bench.handshakes", 10_000);
        return new Settings(
                Integer.getInteger("bench.warmup", 3),
                Integer.getInteger("bench.rounds", 5),
                Integer.getInteger("bench.seconds", 3),
                handshakes,
                // Ten rounds by default: the JIT of a server on one CPU compiles for some 100,000
                // handshakes (the report's compile times show what is left).
                Integer.getInteger("bench.handshakeWarmup", Math.max(1, handshakes * 10)),
                Integer.getInteger("bench.threads", 1),
                Long.getLong("bench.seed", 101L));
    }

    /** An upper bound of one row's time against a server that keeps up, for the lead's planning. */
    public String describe() {
        return "warm-up " + warmupSeconds + " s, " + rounds + " rounds of " + roundSeconds + " s (handshakes: "
                + handshakeWarmup + " warm-up, " + rounds + " rounds of " + handshakes + "), "
                + threads + " generator thread(s), seed " + seed;
    }
}
