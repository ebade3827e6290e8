package dev.switch101.it.jsession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import dev.switch101.it.support.WholeMessageListener;

/** The JDK's {@code java.net.http.WebSocket}, collecting whole messages (text as String, binary as byte[]) and the close code. */
final class JdkClient implements AutoCloseable {

    private final WholeMessageListener listener = new WholeMessageListener();
    private final WebSocket ws;

    private JdkClient(URI uri) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, listener).get(20, TimeUnit.SECONDS);
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
        Object message = listener.received.poll(30, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within 30 s");
        }
        return message;
    }

    String nextText() throws Exception {
        return (String) next();
    }

    int closeCode() throws Exception {
        return listener.closed.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
