package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * Real clients, each with its own pace and its own way of answering pings, echo 16 MiB and
 * 32 MiB (the endpoint's limit) binary messages to the engine-level streaming echo
 * {@code /stream-echo} (the engine is what is tested here): the echo comes back whole (length and
 * SHA-256) within {@value #SECONDS} s, and the connection closes cleanly with 1000. Client-side
 * limits are raised where a client has them (Python's {@code max_size}, Tyrus' buffers); every
 * other option is the client's default. Node's {@code ws} also runs with {@code autoPong: false}:
 * a client that never answers a ping but reads all the time gets its echo too.
 */
@ExtendWith(ArquillianExtension.class)
class LargeMessageClientsIT extends DeployedTarget {

    /** The engine-level streaming echo, which never holds a whole message. */
    private static final String STREAM_ECHO = "stream-echo";
    private static final int SECONDS = 60;
    private static final int MIB = 1 << 20;
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(SECONDS + 15);

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16 * MIB, 32 * MIB})
    void nodeWsWithDefaultOptions(int size) {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", script("large-echo.mjs"), ClientProcess.wsUrl(base(), STREAM_ECHO),
                Integer.toString(size)), PROCESS_TIMEOUT);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {4 * MIB, 32 * MIB})
    void nodeWsThatNeverAnswersPings(int size) {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", script("large-echo.mjs"), ClientProcess.wsUrl(base(), STREAM_ECHO),
                Integer.toString(size), "--no-auto-pong"), PROCESS_TIMEOUT);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16 * MIB, 32 * MIB})
    void pythonWebsockets(int size) {
        ClientProcess.requirePythonWebsockets();
        ClientProcess.assertSucceeds(List.of(ClientProcess.PYTHON, script("large_echo.py"), ClientProcess.wsUrl(base(), STREAM_ECHO),
                Integer.toString(size)), PROCESS_TIMEOUT);
    }

    /** The JDK's client hands a large message on in parts; they are hashed as they come. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16 * MIB, 32 * MIB})
    void jdkClient(int size) throws Exception {
        byte[] payload = random(size);
        CompletableFuture<String> echoed = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        AtomicLong received = new AtomicLong();
        AtomicInteger parts = new AtomicInteger();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long started = System.nanoTime();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(echo(), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                received.addAndGet(data.remaining());
                parts.incrementAndGet();
                digest.update(data);
                if (last) {
                    echoed.complete(hex(digest.digest()));
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                echoed.completeExceptionally(new AssertionError("the echo came back as text"));
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                echoed.completeExceptionally(new AssertionError("closed with " + statusCode + " \"" + reason + "\" before the echo"));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
                echoed.completeExceptionally(new AssertionError("failed before the echo: " + error, error));
            }
        }).get(10, TimeUnit.SECONDS);
        CompletableFuture<WebSocket> sending = ws.sendBinary(ByteBuffer.wrap(payload), true);
        String got = await(echoed, started, () -> "JDK client, " + size + " bytes: " + received + " bytes of the echo in "
                + parts + " parts; whole message sent: " + sending.isDone());
        assertEquals(size, received.get(), "length of the echo");
        assertEquals(sha256(payload), got, "SHA-256 of the echo");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertEquals(1000, closed.get(10, TimeUnit.SECONDS), "the server's close code");
    }

    /** Tyrus holds a whole message: its buffers must take 32 MiB (its own limits, raised for the client). */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16 * MIB, 32 * MIB})
    void tyrusClient(int size) throws Exception {
        byte[] payload = random(size);
        CompletableFuture<byte[]> echoed = new CompletableFuture<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        int buffer = 32 * MIB + 1024;
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, buffer);
        client.setDefaultMaxBinaryMessageBufferSize(buffer);
        long started = System.nanoTime();
        try {
            Session session = client.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session s, EndpointConfig config) {
                    s.setMaxBinaryMessageBufferSize(buffer);
                    s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) echoed::complete);
                }

                @Override
                public void onClose(Session s, CloseReason reason) {
                    closed.complete(reason);
                    echoed.completeExceptionally(new AssertionError("closed with " + reason + " before the echo"));
                }

                @Override
                public void onError(Session s, Throwable error) {
                    echoed.completeExceptionally(new AssertionError("failed before the echo: " + error, error));
                }
            }, ClientEndpointConfig.Builder.create().build(), echo());
            var sending = session.getAsyncRemote().sendBinary(ByteBuffer.wrap(payload));
            byte[] got = await(echoed, started, () -> "Tyrus client, " + size + " bytes; whole message sent: " + sending.isDone());
            assertEquals(size, got.length, "length of the echo");
            assertEquals(sha256(payload), sha256(got), "SHA-256 of the echo");
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
            assertEquals(1000, closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(), "the server's close code");
        } finally {
            client.shutdown();
        }
    }

    private static <T> T await(CompletableFuture<T> future, long started, java.util.function.Supplier<String> state)
            throws Exception {
        try {
            return future.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("no echo within " + SECONDS + " s: " + state.get());
        } catch (java.util.concurrent.ExecutionException e) {
            return fail(e.getCause().getMessage() + " (after " + (System.nanoTime() - started) / 1_000_000 + " ms; "
                    + state.get() + ")", e.getCause());
        }
    }

    private URI echo() {
        return URI.create(ClientProcess.wsUrl(base(), STREAM_ECHO));
    }

    private static String script(String name) {
        return ClientProcess.CLIENTS.resolve(name).toString();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
