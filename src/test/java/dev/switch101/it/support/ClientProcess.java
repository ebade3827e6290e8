package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Node's {@code ws} and Python's {@code websockets}. A script prints "ok" and exits 0, or prints
 * what went wrong. {@code .ci/run} installs the clients; on a machine without them the tests
 * are skipped, except in CI ({@code CI} set), where a missing client is a failure.
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

    public static void requireNodeWs() {
        require(Files.isDirectory(CLIENTS.resolve("node_modules/ws")), "Node's ws (npm install in src/test/clients)");
    }

    public static void requirePythonWebsockets() {
        require(run(List.of(PYTHON, "-c", "import websockets"), Duration.ofSeconds(30)).exitCode() == 0,
                "Python's websockets (Debian package python3-websockets)");
    }

    private static void require(boolean installed, String what) {
        if (System.getenv("CI") != null) {
            assertTrue(installed, what + " is not installed; .ci/run installs it");
        }
        assumeTrue(installed, what + " is not installed");
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
