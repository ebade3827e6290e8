package dev.switch101.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the demo in WildFly: a server base of its own (a copy of the prepared
 * {@code standalone/}, so the demo never meets the integration tests' server) with the WAR in
 * its deployments, WildFly's own {@code standalone.sh} as a child process, and the URL printed
 * once the page answers. Stops WildFly on Ctrl-C, on a signal, and when the Maven process that
 * started it ends ({@link ParentWatch}). Started by {@code mvn -Pdemo-wildfly package}; arguments:
 * WildFly's home, the WAR, the HTTP port, the server base directory, the HTTPS port and the
 * management port.
 */
public final class WildFlyDemo {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private WildFlyDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path war = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path base = Path.of(args[3]);
        int httpsPort = Integer.parseInt(args[4]);
        int managementPort = Integer.parseInt(args[5]);

        deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        Process wildfly = new ProcessBuilder(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + port, "-Djboss.https.port=" + httpsPort, "-Djboss.management.http.port=" + managementPort))
                .inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly), "switch101-demo-stop"));
        ParentWatch.exitWithParent("WildFly");

        String url = "http://localhost:" + port + "/switch101/";
        if (awaitPage(wildfly, URI.create("http://127.0.0.1:" + port + "/switch101/"))) {
            System.out.println();
            System.out.println("Switch101 demo on WildFly: " + url + "   (Ctrl-C stops it; HTTPS port " + httpsPort
                    + ", management port " + managementPort + ")");
        } else if (wildfly.isAlive()) {
            System.out.println("WildFly is running, but " + url + " did not answer within " + READY_TIMEOUT.toSeconds() + " s: see its log above");
        }
        System.exit(wildfly.waitFor());
    }

    /** @return whether the page answered 200 before WildFly ended or the timeout passed */
    private static boolean awaitPage(Process wildfly, URI page) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (wildfly.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** SIGTERM to WildFly's JVM (and the script around it): WildFly stops gracefully; after the timeout, SIGKILL. */
    private static void stop(Process wildfly) {
        List<ProcessHandle> processes = Stream.concat(wildfly.descendants(), Stream.of(wildfly.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                System.err.println("WildFly (pid " + process.pid() + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
                process.destroyForcibly();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
