package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real clients from other ecosystems, run as processes (scripts in {@code src/test/clients/}):
 * Node's {@code ws}, Python's {@code websockets}, and Debian's Chromium driven by Node's
 * {@code playwright-core}. A script prints "ok" and exits 0, or prints what went wrong.
 * {@code .ci/run} installs the clients; on a machine without one, its tests fail, saying what is
 * missing and how to install it (never a quiet skip: a green run means every client ran).
 */
public final class ClientProcess {

    public static final Path CLIENTS = Path.of("src", "test", "clients");
    public static final String PYTHON = "/usr/bin/python3";

    private ClientProcess() {
    }

    /** The ws:// URL of the echo endpoint under a deployment URL. */
    public static String echoUrl(URL base) {
        return "ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + "echo";
    }

    /** The browser the page test drives (Debian's package {@code chromium}). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static void requireNodeWs() {
        requireNode();
        require(Files.isDirectory(CLIENTS.resolve("node_modules/ws")), "Node's ws", "(cd src/test/clients && npm install)");
    }

    public static void requirePythonWebsockets() {
        require(Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import websockets"), Duration.ofSeconds(30)).exitCode() == 0,
                "Python's websockets for " + PYTHON, "apt-get install python3-websockets");
    }

    public static void requireChromiumAndPlaywright() {
        requireNode();
        require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM, "apt-get install chromium");
        require(Files.isDirectory(CLIENTS.resolve("node_modules/playwright-core")), "Node's playwright-core",
                "(cd src/test/clients && npm install)");
    }

    private static void requireNode() {
        require(commandWorks(List.of("node", "--version")), "Node.js (node on the PATH)", "apt-get install nodejs npm");
    }

    private static boolean commandWorks(List<String> command) {
        try {
            return run(command, Duration.ofSeconds(30)).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** A missing client fails the test, naming it and how to install it ({@code .ci/run} does all of them). */
    private static void require(boolean installed, String what, String install) {
        assertTrue(installed, what + " is missing: install it with `" + install + "` (.ci/run installs every test client)");
    }

    /** Runs a client script and asserts it printed "ok" and exited 0; its output is the failure message. */
    public static void assertSucceeds(List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        assertEquals(0, result.exitCode(), () -> String.join(" ", command) + ": " + result.output());
        assertEquals("ok", result.output().strip(), () -> String.join(" ", command) + ": " + result.output());
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a command, its output and errors merged; exit code -1 if it outlives the timeout. */
    public static Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(process.getInputStream(), output));
            drain.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            drain.join(5_000);
            String text = output.toString(StandardCharsets.UTF_8);
            return exited ? new Result(process.exitValue(), text)
                    : new Result(-1, "timed out after " + timeout.toSeconds() + " s: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone
        }
    }
}
