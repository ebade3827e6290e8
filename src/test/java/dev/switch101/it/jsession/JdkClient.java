package dev.switch101.it.jsession;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code java.net.http.WebSocket}, collecting whole messages (text as String, binary as byte[]) and the close code. */
final class JdkClient implements AutoCloseable {

    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket ws;

    private JdkClient(URI uri) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    received.add(binary.toByteArray());
                    binary.reset();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        }).get(20, TimeUnit.SECONDS);
    }

    static JdkClient connect(URI uri) throws Exception {
        return new JdkClient(uri);
    }

    WebSocket ws() {
        return ws;
    }

    void sendText(CharSequence text, boolean last) throws Exception {
        ws.sendText(text, last).get(30, TimeUnit.SECONDS);
    }

    void sendBinary(byte[] bytes) throws Exception {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).get(30, TimeUnit.SECONDS);
    }

    /** The next whole message, or a failure after 30 s. */
    Object next() throws Exception {
        Object message = received.poll(30, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within 30 s");
        }
        return message;
    }

    String nextText() throws Exception {
        return (String) next();
    }

    int closeCode() throws Exception {
        return closeCode.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
