package dev.switch101.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switch101.it.fixtures.ProcessServlet;
import dev.switch101.it.support.Switch101War;

/**
 * Live heap per idle WebSocket connection, Switch101 beside the container's own implementation,
 * on Tomcat 11 and WildFly 39, in one run ({@code mvn -Pidle-memory verify}, see README). For
 * each of the four servers, started fresh in a process of its own with the same heap settings:
 * a warm-up of 200 connections (opened, echoed, dropped), then the heap after full collections
 * ({@code /it/process}), then {@code bench.connections} (10,000) connections that each handshake,
 * echo one message and stay idle, then the heap again. Per connection = the difference / count.
 * The heap diff by class ({@code jcmd GC.class_histogram}) is printed for each, to show what is
 * kept and whose it is.
 *
 * <p>Switch101: the packaged WAR with the test fixtures, endpoint {@code /switch101/echo}
 * ({@code examples.EchoEndpoint}, a {@code @ServerEndpoint}). Native: a WAR with only
 * {@link NativeEchoEndpoint} (a plain {@code @ServerEndpoint} echo) and the probe,
 * {@code /native/echo}, with the container's WebSocket support on (WildFly:
 * {@code restore-builtin-websockets.cli} on a copy).
 *
 * <p>System properties: {@code bench.connections} (10000), {@code bench.containers}
 * ({@code tomcat,wildfly}), {@code bench.impls} ({@code switch101,native}), {@code bench.port}
 * (first of the ports used, 55083), {@code wildfly.home}, {@code bench.dir}.
 */
public final class IdleMemoryBench {

    private IdleMemoryBench() {
    }

    record Result(String container, String impl, int connections, long before, long after,
            Map<String, long[]> histogramDiff, long threads, long fds) {
        double kibPerConnection() {
            return (after - before) / 1024.0 / connections;
        }
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("bench.connections", 10_000);
        List<String> containers = List.of(System.getProperty("bench.containers", "tomcat,wildfly").split(","));
        List<String> impls = List.of(System.getProperty("bench.impls", "switch101,native").split(","));
        int port = Integer.getInteger("bench.port", 55083);
        Path dir = Path.of(System.getProperty("bench.dir", "target/idle-bench")).toAbsolutePath();
        Path wildflyHome = Path.of(System.getProperty("wildfly.home", "target/wildfly-39.0.1.Final")).toAbsolutePath();
        Files.createDirectories(dir);

        Path switch101War = dir.resolve("switch101.war");
        Switch101War.create().as(ZipExporter.class).exportTo(switch101War.toFile(), true);
        Path nativeWar = dir.resolve("native.war");
        ShrinkWrap.create(WebArchive.class, "native.war").addClasses(NativeEchoEndpoint.class, ProcessServlet.class)
                .as(ZipExporter.class).exportTo(nativeWar.toFile(), true);

        // Every server is started (and has bound its port) before the first client connects: the
        // clients' ephemeral ports could otherwise take a port a later server needs.
        List<BenchServer> servers = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        try {
            for (String container : containers) {
                for (String impl : impls) {
                    boolean builtin = impl.equals("native");
                    Path war = builtin ? nativeWar : switch101War;
                    String context = builtin ? "/native" : "/switch101";
                    Path runDir = dir.resolve(container + "-" + impl);
                    System.out.printf("[idle-memory] %s, %s: starting on port %d%n", container, impl, port);
                    servers.add(container.equals("wildfly")
                            ? BenchServer.wildfly(container + "/" + impl, wildflyHome, builtin, war, context, port, runDir)
                            : BenchServer.tomcat(container + "/" + impl, war, context, port, runDir));
                    port += 3;
                }
            }
            int i = 0;
            for (String container : containers) {
                for (String impl : impls) {
                    BenchServer server = servers.get(i++);
                    results.add(measure(server, container, impl, connections));
                    server.close(); // its memory and CPU are out of the way of the next measurement
                }
            }
        } finally {
            for (BenchServer server : servers) {
                server.close();
            }
        }
        System.out.printf("%n[idle-memory] %s, %,d idle connections, %s heap, JDK %s, %d cores%n", Instant.now(),
                connections, BenchServer.HEAP, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| live heap per idle connection | " + String.join(" | ", containers) + " |");
        System.out.println("|---|" + "---:|".repeat(containers.size()));
        for (String impl : impls) {
            StringBuilder row = new StringBuilder("| " + impl + " |");
            for (String container : containers) {
                results.stream().filter(r -> r.container.equals(container) && r.impl.equals(impl)).findFirst()
                        .ifPresent(r -> row.append(String.format(" %.1f KiB |", r.kibPerConnection())));
            }
            System.out.println(row);
        }
    }

    private static Result measure(BenchServer server, String container, String impl, int connections)
            throws Exception {
        String path = server.contextPath() + "/echo";
        try (IdleClients warmUp = IdleClients.open(server.port(), path, 200, 60_000)) {
            System.out.printf("[idle-memory] %s: warm-up, %d connections%n", server.name(), warmUp.size());
        }
        Thread.sleep(3_000);
        Map<String, Long> before = server.process();
        Map<String, long[]> histogramBefore = server.histogram();
        long start = System.nanoTime();
        try (IdleClients idle = IdleClients.open(server.port(), path, connections, 600_000)) {
            System.out.printf("[idle-memory] %s: %,d connections up in %.1f s%n", server.name(), idle.size(),
                    (System.nanoTime() - start) / 1e9);
            Thread.sleep(2_000);
            Map<String, Long> after = server.process();
            Map<String, long[]> histogramAfter = server.histogram();
            Result result = new Result(container, impl, connections, before.get("heap"), after.get("heap"),
                    diff(histogramBefore, histogramAfter), after.get("threads") - before.get("threads"),
                    after.get("fds") - before.get("fds"));
            report(server, result);
            return result;
        }
    }

    private static Map<String, long[]> diff(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> diff = new HashMap<>();
        after.forEach((name, a) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            diff.put(name, new long[] {a[0] - b[0], a[1] - b[1]});
        });
        before.forEach((name, b) -> diff.putIfAbsent(name, new long[] {-b[0], -b[1]}));
        return diff;
    }

    private static void report(BenchServer server, Result r) {
        System.out.printf("[idle-memory] %s: heap after GC %,d -> %,d bytes: %.2f KiB per connection;"
                + " threads %+d, fds %+d%n", server.name(), r.before, r.after, r.kibPerConnection(), r.threads, r.fds);
        Map<String, long[]> sorted = new LinkedHashMap<>();
        r.histogramDiff.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(40).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        long total = r.histogramDiff.values().stream().mapToLong(v -> v[1]).sum();
        long ours = r.histogramDiff.entrySet().stream().filter(e -> e.getKey().startsWith("dev.switch101."))
                .mapToLong(e -> e.getValue()[1]).sum();
        System.out.printf("[idle-memory] %s: histogram diff %.2f KiB per connection, of which dev.switch101.* objects"
                + " themselves %.2f KiB (their arrays, maps and strings are counted under JDK classes)%n",
                server.name(), total / 1024.0 / r.connections, ours / 1024.0 / r.connections);
        sorted.forEach((name, v) -> System.out.printf("[idle-memory]   %10.2f instances %8.1f bytes per connection  %s%n",
                (double) v[0] / r.connections, (double) v[1] / r.connections, name));
    }
}
