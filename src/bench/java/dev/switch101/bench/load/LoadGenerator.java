package dev.switch101.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The load generator on its own, against echo endpoints that are already running:
 * {@code java ... LoadGenerator ws://127.0.0.1:8080/switch101/bench-echo [more targets]}
 * prints each row's median and spread per target, the targets' rounds interleaved
 * ({@link LoadRun#interleaved}). {@code -Dbench.rows}, {@code -Dbench.warmup},
 * {@code -Dbench.rounds}, {@code -Dbench.seconds}, {@code -Dbench.handshakes}, {@code -Dbench.threads}
 * as for the side-by-side run ({@code dev.switch101.bench.side.SideBySide}).
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: LoadGenerator ws://host:port/path ...");
            System.exit(2);
        }
        Settings settings = Settings.fromSystemProperties();
        List<Row> rows = Row.select(System.getProperty("bench.rows", "all"));
        System.out.println("# " + settings.describe());
        List<Target> targets = new ArrayList<>();
        for (String uri : args) {
            targets.add(Target.parse(uri));
        }
        boolean failed = false;
        for (Row row : rows) {
            List<Result> results = LoadRun.interleaved(row, targets, settings);
            for (int t = 0; t < targets.size(); t++) {
                Result result = results.get(t);
                failed |= result.note() != null && result.note().startsWith("FAILED");
                System.out.println(targets.get(t) + " | " + row.label() + " | " + result);
            }
        }
        System.exit(failed ? 1 : 0);
    }
}
