package dev.switch101.jakarta.pojo;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;

/**
 * Sends what an {@code @OnMessage} method returned back to the peer (the {@code OnMessage}
 * Javadoc, WSC-4.7-3): a {@code String} as text, a {@code ByteBuffer} or {@code byte[]} as binary,
 * a primitive or boxed primitive as its Java string form in text unless an encoder is configured
 * for it, anything else through the endpoint's encoders. {@code null} (and {@code void}) sends
 * nothing.
 */
final class ReturnValue {

    private ReturnValue() {
    }

    static void send(Object value, RemoteEndpoint.Basic remote, Coders coders) throws IOException, EncodeException {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            remote.sendText(text);
        } else if (value instanceof ByteBuffer bytes) {
            remote.sendBinary(bytes);
        } else if (value instanceof byte[] bytes) {
            remote.sendBinary(ByteBuffer.wrap(bytes));
        } else if (Primitives.isBoxed(value.getClass()) && !coders.encodes(value.getClass())) {
            remote.sendText(String.valueOf(value));
        } else {
            remote.sendObject(value);
        }
    }
}
