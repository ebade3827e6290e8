package dev.switch101.it.pojo;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.switch101.it.support.MessageAssembler;

/**
 * A JDK {@code java.net.http.WebSocket} client that queues what it receives: each whole text
 * message as a {@code String}, each whole binary message as a {@code byte[]}, each pong as
 * {@code "pong:" + payload}; and records the close the server sent.
 */
final class JdkClient implements WebSocket.Listener {

    /** Generous bound for one exchange on a loaded machine; a failing check waits this long once. */
    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final MessageAssembler parts = new MessageAssembler();
    final WebSocket socket;

    private JdkClient(URI uri) throws Exception {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            if (failed.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                throw new AssertionError("handshake to " + uri + " refused: " + refused.getResponse().statusCode()
                        + " " + refused.getResponse().body(), refused);
            }
            throw failed;
        }
    }

    static JdkClient connect(URI uri) throws Exception {
        return new JdkClient(uri);
    }

    /** The next message received, failing when none comes in time. */
    Object next() throws InterruptedException {
        Object message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message from the server within " + WAIT_SECONDS + " s");
        return message;
    }

    /** The close the server sent, as {@code code + " " + reason}. */
    String closeFromServer() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void sendText(String message) throws Exception {
        socket.sendText(message, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void sendBinary(byte[] message) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void close(int code, String reason) throws Exception {
        socket.sendClose(code, reason).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String whole = parts.text(data, last);
        if (whole != null) {
            received.add(whole);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] whole = parts.binary(data, last);
        if (whole != null) {
            received.add(whole);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        received.add("pong:" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
