package dev.switch101.bench.side;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly from {@code target/} (unpacked by the build's pre-integration-test phase, as for the
 * it-wildfly tests), started with {@code standalone.sh} on a server base directory of its own per
 * mode: a copy of the configuration, switched with {@code wildfly-config/use-switch101.cli} or
 * {@code restore-builtin-websockets.cli}, and the WAR in its deployments. The tests' own
 * configuration is never changed.
 */
final class WildFlyContainer implements Container {

    private final BenchSetup setup;
    private final Path home;
    private final String version;

    WildFlyContainer(BenchSetup setup, Path home, String version) {
        this.setup = setup;
        this.home = home;
        this.version = version;
    }

    @Override
    public String title() {
        return "WildFly " + version;
    }

    @Override
    public String howStarted() {
        return "WildFly " + version + " standalone.sh from target/ (its default JVM options), configured with "
                + "wildfly-config/use-switch101.cli or restore-builtin-websockets.cli";
    }

    @Override
    public int port(Mode mode) {
        return setup.wildflyHttpPort() + portOffset(mode);
    }

    /** WildFly's own port offset for the mode's server: every socket binding moves, not only HTTP's. */
    private static int portOffset(Mode mode) {
        return 100 * mode.ordinal();
    }

    @Override
    public ServerProcess start(Mode mode, Path war) throws IOException, InterruptedException {
        if (!Files.isDirectory(home.resolve("bin"))) {
            throw new IOException("no WildFly at " + home + " (mvn -Pbench verify unpacks it)");
        }
        Path base = setup.dir().resolve("wildfly-" + mode.dirName());
        deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        String script = mode.switch101() ? "use-switch101.cli" : "restore-builtin-websockets.cli";
        runCli(base, setup.wildflyConfig().resolve(script));
        Files.copy(war, base.resolve("deployments/switch101.war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + setup.wildflyHttpPort(), "-Djboss.https.port=" + setup.wildflyHttpsPort(),
                "-Djboss.management.http.port=" + setup.wildflyManagementPort(),
                "-Djboss.socket.binding.port-offset=" + portOffset(mode));
        ServerProcess server = ServerProcess.start("wildfly-" + mode.dirName(), setup.pinned(), setup.serverCpus(),
                command, environment(mode), setup.dir(),
                List.of(port(mode), setup.wildflyHttpsPort() + portOffset(mode),
                        setup.wildflyManagementPort() + portOffset(mode)));
        try {
            server.awaitHandshake(port(mode), SideBySide.API_PATH, 180);
        } catch (IOException | InterruptedException e) {
            server.close(); // never leave a server that did not come up running
            throw e;
        }
        return server;
    }

    private Map<String, String> environment(Mode mode) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home")));
        List<String> options = new java.util.ArrayList<>(setup.extraServerJvmOptions());
        options.addAll(mode.jvmOptions());
        env.put("JDK_JAVA_OPTIONS", String.join(" ", options));
        return env;
    }

    private void runCli(Path base, Path script) throws IOException, InterruptedException {
        Path log = setup.dir().resolve(base.getFileName() + "-cli.log");
        Process cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(),
                "-Djboss.server.base.dir=" + base, "--file=" + script)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!cli.waitFor(300, TimeUnit.SECONDS)) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
            throw new IOException("jboss-cli " + script.getFileName() + " took over 300 s; see " + log);
        }
        if (cli.exitValue() != 0) {
            throw new IOException("jboss-cli " + script.getFileName() + " failed; see " + log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
