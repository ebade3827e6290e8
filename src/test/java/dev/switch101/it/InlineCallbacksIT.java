package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.WholeMessageListener;

/**
 * Inline callbacks with clients we did not write: the engine's streaming echo
 * ({@code /inline-stream-echo}) and a Jakarta echo through {@code getBasicRemote()}
 * ({@code /inline-jakarta-echo}) run on the container thread that read the message. Large
 * messages with Node's {@code ws} (also one that never answers a ping) and Python's
 * {@code websockets}; and a JDK client that sends everything and its close frame before it reads
 * anything: every echo must come back, in order, before the server's close. The
 * {@code InlineStressIT} suite covers random pacing.
 */
@ExtendWith(ArquillianExtension.class)
class InlineCallbacksIT extends DeployedTarget {

    private static final int MIB = 1 << 20;
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(75);
    private static final long SEED = Long.getLong("inline.seed", new SecureRandom().nextLong());

    @Test
    void theCallbackRunsOnTheContainerThreadThatReadTheMessageNotOnADispatchThread() throws Exception {
        WholeMessageListener listener = new WholeMessageListener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(ClientProcess.wsUrl(base(), "inline-jakarta-echo")), listener)
                .get(10, TimeUnit.SECONDS);
        ws.sendText("?thread", true).get(10, TimeUnit.SECONDS);
        Object thread = listener.received.poll(10, TimeUnit.SECONDS);
        // Our pool's threads (Tomcat) and the managed executor's (WildFly) are where callbacks
        // run without inline callbacks.
        String name = assertInstanceOf(String.class, thread, "the reply");
        assertFalse(name.startsWith("switch101-") || name.contains("ManagedExecutor"), "the callback ran on " + name);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void nodeWsGetsA16MibMessageStreamedBack() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", script("large-echo.mjs"),
                ClientProcess.wsUrl(base(), "inline-stream-echo"), Integer.toString(16 * MIB)), PROCESS_TIMEOUT);
    }

    @Test
    void nodeWsThatNeverAnswersPingsGetsA4MibMessageStreamedBack() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", script("large-echo.mjs"),
                ClientProcess.wsUrl(base(), "inline-stream-echo"), Integer.toString(4 * MIB), "--no-auto-pong"),
                PROCESS_TIMEOUT);
    }

    @Test
    void pythonWebsocketsGetsA16MibMessageStreamedBack() {
        ClientProcess.requirePythonWebsockets();
        ClientProcess.assertSucceeds(List.of(ClientProcess.PYTHON, script("large_echo.py"),
                ClientProcess.wsUrl(base(), "inline-stream-echo"), Integer.toString(16 * MIB)), PROCESS_TIMEOUT);
    }

    @Test
    void nodeWsGetsTextAndBinaryEchoedByTheJakartaEndpointAndCleanCloses() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", script("echo-client.mjs"),
                ClientProcess.wsUrl(base(), "inline-jakarta-echo")), PROCESS_TIMEOUT);
    }

    @Test
    void pythonWebsocketsGetsTextAndBinaryEchoedByTheJakartaEndpointAndCleanCloses() {
        ClientProcess.requirePythonWebsockets();
        ClientProcess.assertSucceeds(List.of(ClientProcess.PYTHON, script("echo_client.py"),
                ClientProcess.wsUrl(base(), "inline-jakarta-echo")), PROCESS_TIMEOUT);
    }

    /**
     * 600 messages (text and binary, most under 200 bytes, one in four up to 64 KiB: about 5 MB,
     * more than the outbound queue and the socket buffers take) and a close frame, sent before
     * the client reads a byte. The server's replies stall, its reads go back to the executor,
     * and once it has read what it can hold it stops reading, so the client's sends stall too:
     * after five seconds of that, or once everything is sent, and one more second, the client
     * reads. Every echo must come back, in order, before the server's close.
     */
    @Test
    void jdkClientThatSendsEverythingAndItsCloseBeforeReadingGetsEveryEchoFirst() throws Exception {
        System.out.printf("[inline] -Dinline.seed=%d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int size = random.nextInt(4) == 0 ? random.nextInt(64 * 1024 + 1) : random.nextInt(200);
            if (random.nextBoolean()) {
                StringBuilder text = new StringBuilder();
                while (text.length() < size) {
                    text.append(random.nextInt(10) == 0 ? "ü€" : "abcdefgh");
                }
                sent.add(text.toString());
            } else {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                sent.add(bytes);
            }
        }
        WholeMessageListener listener = new WholeMessageListener(false);
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(ClientProcess.wsUrl(base(), "inline-jakarta-echo")), listener)
                .get(10, TimeUnit.SECONDS);
        CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(ws);
        for (Object message : sent) {
            sending = sending.thenCompose(w -> message instanceof String text ? w.sendText(text, true)
                    : w.sendBinary(ByteBuffer.wrap((byte[]) message), true));
        }
        sending = sending.thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, "sent everything"));
        try {
            sending.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // The server holds all it may and has stopped reading until we read its replies.
        }
        Thread.sleep(1000);
        ws.request(1);
        sending.get(60, TimeUnit.SECONDS);
        int code;
        try {
            code = listener.closed.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            code = fail("no close within 60 s; " + listener.received.size() + " of " + sent.size() + " echoes (seed "
                    + SEED + ")");
        }
        List<Object> received = new ArrayList<>(listener.received);
        assertEquals(sent.size(), received.size(), "echoes before the close (seed " + SEED + ")");
        for (int i = 0; i < sent.size(); i++) {
            Object want = sent.get(i);
            Object got = received.get(i);
            if (want instanceof String text) {
                assertEquals(text, got, "echo " + i + " (seed " + SEED + ")");
            } else {
                assertArrayEquals((byte[]) want, assertInstanceOf(byte[].class, got, "echo " + i + " is binary"),
                        "echo " + i + " (seed " + SEED + ")");
            }
        }
        assertEquals(1000, code, "the server's close code");
    }

    private static String script(String name) {
        return ClientProcess.CLIENTS.resolve(name).toString();
    }
}
