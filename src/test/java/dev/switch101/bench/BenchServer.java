package dev.switch101.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A container started in a process of its own with one WAR deployed, for measurements: Tomcat 11
 * embedded ({@link TomcatServer}) or WildFly 39 from {@code wildfly.home} (a copy of its
 * {@code standalone/} directory, with the built-in WebSocket support restored for the native
 * run), both on 127.0.0.1 with a 2 GiB heap. {@link #process()} answers the deployment's
 * {@code /it/process} probe (heap after GC, threads, open fds).
 */
final class BenchServer implements AutoCloseable {

    static final String HEAP = "-Xmx2g";

    private final String name;
    private final Process launcher;
    private final long jvmPid;
    private final int port;
    private final String contextPath;

    private final Thread stopOnExit;

    private BenchServer(String name, Process launcher, long jvmPid, int port, String contextPath) {
        this.name = name;
        this.launcher = launcher;
        this.jvmPid = jvmPid;
        this.port = port;
        this.contextPath = contextPath;
        // An interrupted measurement (Ctrl-C, a timeout) must not leave the server running.
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Embedded Tomcat 11 in a child JVM whose classpath is Tomcat's jars and {@link TomcatServer}
     * alone: Tomcat scans its class path for WebSocket endpoints and configurations, and must
     * find none there (Tyrus's, the tests' own).
     */
    static BenchServer tomcat(String name, Path war, String contextPath, int port, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP, "-Xms512m", "-cp", tomcatClasspath(dir),
                TomcatServer.class.getName(), Integer.toString(port), dir.resolve("base").toString(),
                contextPath + "=" + war));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        BenchServer server = new BenchServer(name, process, process.pid(), port, contextPath);
        server.awaitUp(process);
        return server;
    }

    /**
     * WildFly from {@code wildfly.home} with a server base of its own under {@code dir}: Switch101's
     * configuration as {@code mvn pre-integration-test} left it, or (native) with
     * {@code wildfly-config/restore-builtin-websockets.cli} applied to the copy.
     */
    static BenchServer wildfly(String name, Path wildflyHome, boolean builtinWebSockets, Path war, String contextPath,
            int port, Path dir) throws Exception {
        Path base = dir.resolve("standalone");
        deleteRecursively(base);
        copyRecursively(wildflyHome.resolve("standalone"), base);
        deleteRecursively(base.resolve("data"));
        deleteRecursively(base.resolve("tmp"));
        deleteRecursively(base.resolve("log"));
        if (builtinWebSockets) {
            Process cli = new ProcessBuilder("bash", wildflyHome.resolve("bin/jboss-cli.sh").toString(),
                    "-Djboss.server.base.dir=" + base, "--file=wildfly-config/restore-builtin-websockets.cli")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
            if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException("restore-builtin-websockets.cli failed: see " + dir.resolve("cli.log"));
            }
        }
        Files.copy(war, base.resolve("deployments").resolve(contextPath.substring(1) + ".war"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder("bash", wildflyHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1", "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + (port + 1), "-Djboss.management.http.port=" + (port + 2))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("JBOSS_JAVA_SIZING", "-Xms512m " + HEAP);
        Process process = builder.start();
        long pid = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pid < 0 && System.nanoTime() < deadline && process.isAlive()) {
            // The server's JVM, not one of the short-lived ones standalone.sh runs to check the JDK.
            pid = process.descendants().filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
            Thread.sleep(100);
        }
        BenchServer server = new BenchServer(name, process, pid, port, contextPath);
        server.awaitUp(process);
        return server;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String contextPath() {
        return contextPath;
    }

    long jvmPid() {
        return jvmPid;
    }

    /** The deployment's {@code /it/process} answer: heap, threads, fds. */
    Map<String, Long> process() throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (String line : get(contextPath + "/it/process").split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    /** {@code jcmd <pid> GC.class_histogram}: bytes and instances per class. */
    Map<String, long[]> histogram() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(jvmPid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Map<String, long[]> classes = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[1].matches("\\d+")) {
                classes.merge(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }

    private void awaitUp(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                process();
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException(name + " did not answer " + contextPath + "/it/process in time", last);
    }

    private String get(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IOException(path + ": " + response.lines().findFirst().orElse("(nothing)"));
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    private boolean closed;

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    /** Stops the server's JVM (by its PID) and its launcher. */
    private void stop() {
        ProcessHandle.of(jvmPid).ifPresent(ProcessHandle::destroy);
        launcher.destroy();
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                ProcessHandle.of(jvmPid).ifPresent(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
            ProcessHandle.of(jvmPid).ifPresent(p -> p.onExit().join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tomcatClasspath(Path dir) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith("tomcat-embed-") || file.startsWith("tomcat-annotations-api")) {
                kept.add(entry);
            }
        }
        String resource = TomcatServer.class.getName().replace('.', '/') + ".class";
        Path classes = dir.resolve("launcher-classes");
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = TomcatServer.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        kept.add(classes.toString());
        return String.join(File.pathSeparator, kept);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.delete(p);
            }
        }
    }
}
