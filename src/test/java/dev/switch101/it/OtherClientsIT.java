package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;

/**
 * Clients from other ecosystems against the echo endpoint: Node's {@code ws} and Python's
 * {@code websockets}, each run as a real process (scripts in {@code src/test/clients/}).
 * {@code .ci/run} installs them; on a machine without them the tests are skipped, except in
 * CI ({@code CI} set), where a missing client is a failure.
 */
@ExtendWith(ArquillianExtension.class)
class OtherClientsIT extends DeployedTarget {

    private static final Path CLIENTS = Path.of("src", "test", "clients");
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void nodeWsClientGetsEchoesAndACleanClose() throws Exception {
        requireClient(Files.isDirectory(CLIENTS.resolve("node_modules/ws")), "Node's ws (npm install in src/test/clients)");
        assertClientSucceeds(List.of("node", CLIENTS.resolve("echo-client.mjs").toString(), echoUrl()));
    }

    @Test
    void pythonWebsocketsClientGetsEchoesAndACleanClose() throws Exception {
        requireClient(run(List.of(PYTHON, "-c", "import websockets")).exitCode == 0,
                "Python's websockets (Debian package python3-websockets)");
        assertClientSucceeds(List.of(PYTHON, CLIENTS.resolve("echo_client.py").toString(), echoUrl()));
    }

    private String echoUrl() {
        return "ws://" + base().getHost() + ":" + base().getPort() + base().getPath() + "echo";
    }

    private static void requireClient(boolean installed, String what) {
        if (System.getenv("CI") != null) {
            assertTrue(installed, what + " is not installed; .ci/run installs it");
        }
        assumeTrue(installed, what + " is not installed");
    }

    private static void assertClientSucceeds(List<String> command) throws Exception {
        Result result = run(command);
        assertEquals(0, result.exitCode, result.output);
        assertEquals("ok", result.output.strip(), result.output);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
