package dev.switch101.bench.side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switch101.bench.load.Result;
import dev.switch101.bench.load.Row;
import dev.switch101.bench.load.Settings;

/** The side-by-side results as Markdown: one table per container, then the run's facts. */
final class MarkdownReport {

    static final String API = "@ServerEndpoint";
    static final String ENGINE = "engine";

    private final BenchSetup setup;
    private final Settings settings;
    private final List<Row> rows;
    private final List<String> sections = new ArrayList<>();
    private final List<String> started = new ArrayList<>();
    private int failures;

    MarkdownReport(BenchSetup setup, Settings settings, List<Row> rows) {
        this.setup = setup;
        this.settings = settings;
        this.rows = rows;
    }

    static String key(Mode mode, String kind, Row row) {
        return mode + "/" + kind + "/" + row.key();
    }

    /**
     * @param compiled per row, the seconds each {@link Mode}'s server JVM compiled during the
     *                 row's rounds (by ordinal; NaN where unknown)
     */
    void add(Container container, Map<String, Result> results, Map<Row, double[]> compiled) {
        String c = container.title();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(c).append("\n\n");
        md.append("| row | Switch101, @ServerEndpoint | Switch101, @ServerEndpoint, inline callbacks | ").append(c)
                .append(" native, @ServerEndpoint | ratio | ratio, inline ")
                .append("| Switch101 engine echo | engine / @ServerEndpoint |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Result api = results.get(key(Mode.SWITCH101, API, row));
            Result inline = results.get(key(Mode.SWITCH101_INLINE, API, row));
            Result nat = results.get(key(Mode.NATIVE, API, row));
            Result engine = results.get(key(Mode.SWITCH101, ENGINE, row));
            md.append("| ").append(row.label())
                    .append(" | ").append(cell(api))
                    .append(" | ").append(cell(inline))
                    .append(" | ").append(cell(nat))
                    .append(" | ").append(ratio(api, nat))
                    .append(" | ").append(ratio(inline, nat))
                    .append(" | ").append(cell(engine))
                    .append(" | ").append(ratio(engine, api))
                    .append(" |\n");
        }
        md.append("\nJIT compile time during each row's measured rounds, s (`jstat -compiler`; the compiler "
                + "threads share the servers' CPU, so anything but about 0 means a column was measured before "
                + "its JIT had settled, and took CPU from the others):\n\n");
        md.append("| row | Switch101 | Switch101, inline callbacks | native |\n|---|---:|---:|---:|\n");
        for (Row row : rows) {
            double[] s = compiled.get(row);
            md.append("| ").append(row.key());
            for (Mode mode : Mode.values()) {
                double v = s == null ? Double.NaN : s[mode.ordinal()];
                md.append(" | ").append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v));
            }
            md.append(" |\n");
        }
        sections.add(md.toString());
        started.add(container.howStarted());
    }

    int failures() {
        return failures;
    }

    String render(double seconds) {
        StringBuilder md = new StringBuilder();
        md.append("## Side by side: Switch101 and the containers' own WebSocket\n\n");
        for (String section : sections) {
            md.append(section).append('\n');
        }
        md.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16)).append(" UTC; the run took ").append(Math.round(seconds / 60)).append(" min.\n");
        md.append("- Machine: ").append(machine()).append(".\n");
        md.append("- Command: `mvn -Pbench verify -Dbench.jmh.skip=true -Dbench.containers=")
                .append(System.getProperty("bench.containers", "tomcat,wildfly")).append(" -Dbench.rows=")
                .append(rows.stream().map(Row::key).reduce((a, b) -> a + "," + b).orElse(""))
                .append(" -Dbench.warmup=").append(settings.warmupSeconds())
                .append(" -Dbench.rounds=").append(settings.rounds())
                .append(" -Dbench.seconds=").append(settings.roundSeconds())
                .append(" -Dbench.handshakes=").append(settings.handshakes())
                .append(" -Dbench.handshakeWarmup=").append(settings.handshakeWarmup())
                .append(BenchSetup.deflateContextTakeover() ? "" : " -Dbench.deflateContextTakeover=false")
                .append(" -Dbench.settleRounds=").append(BenchSetup.settleRounds()).append("`.\n");
        md.append("- Each cell: the median of ").append(settings.rounds()).append(" rounds ± half their range "
                + "(in % of the median); ").append(settings.describe()).append(". Ratio: median over median "
                + "(above 1: Switch101 faster). MB = 10^6 bytes of echoed payload per second.\n");
        md.append("- Interleaved: a container's three servers (Switch101 with its defaults, with inline callbacks, "
                + "and the container's own) run at once, each on its own port, and take turns: every column is "
                + "connected and warmed up (then given up to " + BenchSetup.settleRounds() + " more uncounted rounds, "
                + "while its server's JVM compiled for more than " + BenchSetup.SETTLED_COMPILE_SECONDS
                + " s in the last), then round 1 runs on each "
                + "column in turn, then round 2, each round "
                + "starting one column further. An echo round counts after 0.5 s of sending (the pipeline refilled), "
                + "and ends with the messages in flight drained.\n");
        md.append("- Servers pinned to CPU ").append(setup.serverCpus()).append(", load generator (one NIO thread, "
                + "pre-masked frames, every echo checked for content, order and type) to CPU ")
                .append(setup.clientCpus()).append(", with taskset.\n");
        for (String how : started) {
            md.append("- ").append(how).append(".\n");
        }
        md.append("- The same class serves @ServerEndpoint on both sides (dev.switch101.bench.endpoint.BenchEchoEndpoint: "
                + "whole String / ByteBuffer messages back through getBasicRemote()); the engine echo is "
                + "/switch101/stream-echo (examples.EchoHandler, which streams each part back as it arrives). "
                + "Inline callbacks: the same WAR, its server started with -Ddev.switch101.inlineCallbacks=true "
                + "(callbacks on the container thread that read the message; for endpoints that do not block).\n");
        md.append(BenchSetup.deflateContextTakeover()
                ? "- permessage-deflate: Switch101 keeps its compression context from message to message "
                        + "(-Ddev.switch101.deflateContextTakeover=true), as the native containers do; its own default "
                        + "does not (-Dbench.deflateContextTakeover=false measures that).\n"
                : "- permessage-deflate: Switch101 with its default, no compression context kept between messages, "
                        + "where the native containers keep theirs.\n");
        return md.toString();
    }

    private String cell(Result result) {
        if (result == null) {
            return "–";
        }
        if (result.note() != null && result.note().startsWith("FAILED")) {
            failures++;
        }
        return result.cell().replace("|", "/");
    }

    private static String ratio(Result a, Result b) {
        if (a == null || b == null || !a.isMeasured() || !b.isMeasured() || b.median() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a.median() / b.median());
    }

    private static String machine() {
        String model = "unknown CPU";
        long cpus = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model.equals("unknown CPU")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
                if (line.startsWith("processor")) {
                    cpus++;
                }
            }
        } catch (IOException e) {
            model = "unknown CPU (" + e.getMessage() + ")";
        }
        return cpus + " CPUs (" + model + "), " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }
}
