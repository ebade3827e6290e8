package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the deployment's test-only probes ({@code /it/heap}, {@code /it/cpu}, in
 * {@code dev.switch101.it.fixtures}) about the server process, over a raw socket: no HTTP
 * client library runs (or allocates, or burns CPU) in the test JVM, which is the server's
 * process too when the container is embedded.
 */
public final class ServerProbe {

    private final URL base;

    public ServerProbe(URL base) {
        this.base = base;
    }

    /** Used heap of the server process after a few full collections, bytes. */
    public long usedHeap() throws IOException {
        return Long.parseLong(lines("it/heap").get("used"));
    }

    /** How many {@code /blocked} handlers are blocked right now. */
    public int blockedHandlers() throws IOException {
        return Integer.parseInt(lines("it/heap?blocked").get("blocked"));
    }

    /** Releases every blocked {@code /blocked} handler; returns how many were blocked. */
    public int releaseBlockedHandlers() throws IOException {
        return Integer.parseInt(lines("it/heap?release").get("released"));
    }

    /**
     * The closes {@code /blocked} handlers were told of since {@code sinceEpochMillis}, oldest
     * first, as "code after N ms" text (empty if none).
     */
    public String blockedClosesSince(long sinceEpochMillis) throws IOException {
        List<String> closes = new ArrayList<>();
        for (String line : get("it/heap?closes").split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("close") && Long.parseLong(parts[2]) >= sinceEpochMillis) {
                closes.add(0, parts[1] + " after " + (Long.parseLong(parts[2]) - sinceEpochMillis) + " ms");
            }
        }
        return String.join(", ", closes);
    }

    /** Makes the server keep {@code mebibytes} MiB reachable (0: let them go). */
    public void retain(int mebibytes) throws IOException {
        lines("it/heap?retain=" + mebibytes);
    }

    /** CPU time of the server process and of each of its live threads. */
    public Cpu cpu() throws IOException {
        String body = get("it/cpu");
        long process = -1;
        Map<Long, ThreadCpu> threads = new HashMap<>();
        for (String line : body.split("\n")) {
            String[] parts = line.split(" ", 4);
            if (parts[0].equals("process")) {
                process = Long.parseLong(parts[1]);
            } else if (parts[0].equals("thread")) {
                long id = Long.parseLong(parts[1]);
                threads.put(id, new ThreadCpu(id, parts.length > 3 ? parts[3] : "", Long.parseLong(parts[2])));
            }
        }
        return new Cpu(process, threads);
    }

    /** The stacks of the server's live threads whose names contain {@code nameContains}. */
    public String stacks(String nameContains) throws IOException {
        return get("it/cpu?stacks=" + URLEncoder.encode(nameContains, StandardCharsets.UTF_8));
    }

    /** A process's CPU time, nanoseconds, and its threads' (by thread id). */
    public record Cpu(long processNanos, Map<Long, ThreadCpu> threads) {

        /** The threads that burnt the most since {@code earlier}, as "name: ms" text, at most {@code n}. */
        public String busiestSince(Cpu earlier, int n) {
            return busiest(earlier, n).stream().map(t -> t.name + ": " + t.nanos / 1_000_000 + " ms")
                    .reduce((a, b) -> a + ", " + b).orElse("(no thread data)");
        }

        /** The threads that burnt the most since {@code earlier} (their CPU time since then), at most {@code n}. */
        public List<ThreadCpu> busiest(Cpu earlier, int n) {
            return threads.values().stream()
                    .map(t -> new ThreadCpu(t.id, t.name, t.nanos
                            - (earlier.threads.containsKey(t.id) ? earlier.threads.get(t.id).nanos : 0)))
                    .sorted((a, b) -> Long.compare(b.nanos, a.nanos))
                    .limit(n)
                    .toList();
        }
    }

    public record ThreadCpu(long id, String name, long nanos) {
    }

    private Map<String, String> lines(String path) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : get(path).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.put(line.substring(0, space), line.substring(space + 1).trim());
            }
        }
        return values;
    }

    private String get(String path) throws IOException {
        try (RawHttp http = RawHttp.connect(base)) {
            http.socket().setSoTimeout(30_000);
            RawHttp.Response response = http.send(RawHttp.get(base.getPath() + path,
                    "Host: " + base.getHost() + ":" + base.getPort(), "Connection: close")).readResponse();
            assertEquals(200, response.status(), () -> path + ": " + response.statusLine() + " " + response.body());
            return response.body();
        }
    }
}
