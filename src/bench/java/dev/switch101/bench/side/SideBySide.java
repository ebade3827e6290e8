package dev.switch101.bench.side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switch101.bench.load.JitSettling;
import dev.switch101.bench.load.LoadRun;
import dev.switch101.bench.load.Result;
import dev.switch101.bench.load.Row;
import dev.switch101.bench.load.Settings;
import dev.switch101.bench.load.Target;

/**
 * The side-by-side benchmark ({@code mvn -Pbench verify}): for each container, starts it with
 * Switch101 serving (with its defaults, and with inline callbacks) and with its own WebSocket
 * implementation, all three at once, and runs every row against the same {@code @ServerEndpoint}
 * echo on each (and against Switch101's engine-level echo), their rounds interleaved,
 * and prints a Markdown table, also written to {@code target/bench/results.md}. Exits 1 if any
 * cell failed (an echo that differed, a stall, a refused handshake), after printing the table.
 */
public final class SideBySide {

    /** The @ServerEndpoint echo, in both WARs. */
    static final String API_PATH = "/switch101/bench-echo";
    /**
     * Switch101's engine-level echo (examples.EchoHandler), only in the Switch101 WAR;
     * {@code -Dbench.enginePath} if the demo moves it.
     */
    static final String ENGINE_PATH = System.getProperty("bench.enginePath", "/switch101/stream-echo");

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        BenchSetup setup = BenchSetup.fromSystemProperties();
        Settings settings = Settings.fromSystemProperties();
        List<Row> rows = Row.select(System.getProperty("bench.rows", "all"));
        List<Container> containers = containers(setup, System.getProperty("bench.containers", "tomcat,wildfly"));
        MarkdownReport report = new MarkdownReport(setup, settings, rows);
        long start = System.nanoTime();
        for (Container container : containers) {
            Map<String, Result> results = new LinkedHashMap<>();
            Map<Row, double[]> compiled = new LinkedHashMap<>();
            measure(setup, settings, rows, container, results, compiled);
            report.add(container, results, compiled);
        }
        String markdown = report.render((System.nanoTime() - start) / 1e9);
        System.out.println();
        System.out.println(markdown);
        Path out = setup.dir().resolve("results.md");
        Files.writeString(out, markdown);
        System.out.println("(written to " + out + ")");
        System.exit(report.failures() > 0 ? 1 : 0);
    }

    /**
     * Starts the container once per mode, all at once on ports of their own (pinned to the same
     * CPUs; a server whose turn it is not only waits), then runs each row on all of them, their
     * rounds interleaved ({@link LoadRun#interleaved}), and stops them. {@code compiled} gets,
     * per row, the seconds each mode's JVM spent compiling during the row's measured rounds.
     */
    private static void measure(BenchSetup setup, Settings settings, List<Row> rows, Container container,
            Map<String, Result> results, Map<Row, double[]> compiled) throws InterruptedException {
        Map<Mode, ServerProcess> servers = new EnumMap<>(Mode.class);
        List<Slot> slots = new ArrayList<>();
        try {
            for (Mode mode : Mode.values()) {
                // The engine echo once, with Switch101's defaults.
                List<String> kinds = mode == Mode.SWITCH101 ? List.of(MarkdownReport.API, MarkdownReport.ENGINE)
                        : List.of(MarkdownReport.API);
                String refused = startServer(setup, container, mode, servers);
                for (String kind : kinds) {
                    if (refused == null) {
                        slots.add(new Slot(mode, kind, new Target("127.0.0.1", container.port(mode),
                                kind.equals(MarkdownReport.API) ? API_PATH : ENGINE_PATH)));
                    } else {
                        for (Row row : rows) {
                            results.put(MarkdownReport.key(mode, kind, row), Result.failed(refused));
                        }
                    }
                }
            }
            for (Row row : rows) {
                double[][] before = new double[1][];
                JitSettling settling = new JitSettling(t -> servers.get(slots.get(t).mode()).compileSeconds(),
                        BenchSetup.settleRounds(), BenchSetup.SETTLED_COMPILE_SECONDS);
                List<Result> outcomes = LoadRun.interleaved(row, slots.stream().map(Slot::target).toList(), settings,
                        settling, () -> before[0] = compileSeconds(servers));
                double[] during = compileSeconds(servers);
                for (int m = 0; m < during.length; m++) {
                    during[m] -= before[0] == null ? Double.NaN : before[0][m];
                }
                compiled.put(row, during);
                log("  JIT compile seconds during the rounds: " + Arrays.toString(during));
                for (int t = 0; t < slots.size(); t++) {
                    String key = MarkdownReport.key(slots.get(t).mode(), slots.get(t).kind(), row);
                    results.put(key, outcomes.get(t));
                    log("  " + key + " | " + outcomes.get(t));
                }
            }
        } finally {
            for (ServerProcess server : servers.values()) {
                server.close();
                log(container.title() + ": stopped " + server.log());
            }
        }
    }

    /**
     * Starts {@code mode}'s server and adds it to {@code servers}; returns why it cannot be
     * measured (it did not start; or, in the native run, Switch101's engine echo answers), or null.
     */
    private static String startServer(BenchSetup setup, Container container, Mode mode,
            Map<Mode, ServerProcess> servers)
            throws InterruptedException {
        Path war = setup.dir().resolve(mode.warDir()).resolve("switch101.war");
        log(container.title() + ", " + mode.dirName() + ": starting on port " + container.port(mode) + " (" + war + ")");
        try {
            servers.put(mode, container.start(mode, war));
        } catch (IOException e) {
            log("  cannot start: " + e.getMessage());
            return "server did not start: " + e.getMessage();
        }
        if (mode == Mode.NATIVE) {
            // No Switch101 in this run: its engine-level echo must not be there.
            String answer = ServerProcess.statusLine(container.port(mode), ENGINE_PATH);
            if (answer.startsWith("HTTP/1.1 101")) {
                return ENGINE_PATH + " upgraded in the native run: Switch101 is present";
            }
            log("  native run: " + ENGINE_PATH + " answers \"" + answer.trim() + "\" (no Switch101)");
        }
        return null;
    }

    /** Each mode's server's compile seconds so far, by the mode's ordinal; NaN where there is no server. */
    private static double[] compileSeconds(Map<Mode, ServerProcess> servers) {
        double[] seconds = new double[Mode.values().length];
        Arrays.fill(seconds, Double.NaN);
        servers.forEach((mode, server) -> seconds[mode.ordinal()] = server.compileSeconds());
        return seconds;
    }

    /** One column of a container's table: an echo endpoint on one mode's server. */
    private record Slot(Mode mode, String kind, Target target) {
    }

    private static List<Container> containers(BenchSetup setup, String names) {
        List<Container> list = new ArrayList<>();
        for (String name : names.split("\\s*,\\s*")) {
            switch (name) {
                case "tomcat" -> list.add(new TomcatContainer(setup, System.getProperty("bench.tomcat.version", "11")));
                case "wildfly" -> list.add(new WildFlyContainer(setup, Path.of(System.getProperty("wildfly.home")),
                        System.getProperty("bench.wildfly.version", "39")));
                default -> throw new IllegalArgumentException("unknown container " + name + " (tomcat, wildfly)");
            }
        }
        return list;
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
