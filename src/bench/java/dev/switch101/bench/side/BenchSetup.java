package dev.switch101.bench.side;

import java.nio.file.Path;
import java.util.List;

/**
 * The side-by-side run's configuration, from {@code -Dbench.*} system properties (the bench
 * profile of the pom sets them all).
 *
 * @param dir        working directory (target/bench): the WARs, server logs and PIDs, results.md
 * @param pinned     src/bench/pinned.sh
 * @param serverCpus CPU list for the servers ("none": unpinned)
 * @param clientCpus CPU list the load generator runs on (informational: the pom pins this JVM)
 */
record BenchSetup(Path dir, Path pinned, String serverCpus, String clientCpus, int tomcatPort, int wildflyHttpPort,
        int wildflyHttpsPort, int wildflyManagementPort, Path wildflyConfig) {

    static BenchSetup fromSystemProperties() {
        return new BenchSetup(
                Path.of(required("bench.dir")).toAbsolutePath(),
                Path.of(required("bench.pinned")).toAbsolutePath(),
                System.getProperty("bench.serverCpus", "0"),
                System.getProperty("bench.clientCpus", "1"),
                Integer.getInteger("bench.http.port", 42081),
                Integer.getInteger("bench.wildfly.http.port", 42080),
                Integer.getInteger("bench.wildfly.https.port", 42443),
                Integer.getInteger("bench.wildfly.management.port", 42990),
                Path.of(required("bench.wildfly.config")).toAbsolutePath());
    }

    /** The same java as this JVM's. */
    String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Tomcat's JVM options: WildFly's default heap ceiling, fixed, so both have the same room. */
    List<String> serverJvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xms512m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true"));
        options.addAll(extraServerJvmOptions());
        return options;
    }

    /**
     * Extra JVM options for both servers: Switch101's compression context setting (a system
     * property it reads where the WAR sets no context-param; the native side ignores it), then
     * {@code -Dbench.serverJvmArgs} separated by {@code |} (a profiler, for instance:
     * {@code -XX:StartFlightRecording:filename=target/bench/jfr/,settings=profile}). Tomcat gets
     * them on its command line, WildFly through {@code JDK_JAVA_OPTIONS}, which leaves
     * standalone.conf's own options as they are.
     */
    List<String> extraServerJvmOptions() {
        List<String> options = new java.util.ArrayList<>();
        options.add("-Ddev.switch101.deflateContextTakeover=" + deflateContextTakeover());
        String value = System.getProperty("bench.serverJvmArgs", "");
        java.util.Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).forEach(options::add);
        return options;
    }

    /**
     * The most uncounted rounds a column gets after its warm-up while its server still compiles
     * ({@code -Dbench.settleRounds}, default 20; 0: none). See {@code load.JitSettling}.
     */
    static int settleRounds() {
        return Integer.getInteger("bench.settleRounds", 20);
    }

    /**
     * Compilation during an uncounted round below which a server's JIT counts as settled: about
     * what the native servers compile per round once warm.
     */
    static final double SETTLED_COMPILE_SECONDS = 0.1;

    /**
     * Whether Switch101 keeps its compression context from message to message in the run
     * ({@code -Dbench.deflateContextTakeover}, default {@code true}): the native containers do,
     * so the deflate row compares like with like. Switch101's own default is {@code false}
     * (no compressor held by an idle connection).
     */
    static boolean deflateContextTakeover() {
        return Boolean.parseBoolean(System.getProperty("bench.deflateContextTakeover", "true"));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + name + " is required (run through mvn -Pbench verify)");
        }
        return value;
    }
}
