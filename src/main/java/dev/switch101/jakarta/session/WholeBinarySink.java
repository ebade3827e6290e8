package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

import jakarta.websocket.MessageHandler;

/** A whole binary message for a {@code MessageHandler.Whole}: collected within the buffer size, converted, delivered. */
final class WholeBinarySink implements MessageSink {

    private final BinaryAccumulator bytes;
    private final BinaryConversion conversion;
    private final MessageHandler.Whole<Object> handler;

    WholeBinarySink(int maxBytes, BinaryConversion conversion, MessageHandler.Whole<Object> handler) {
        this.bytes = new BinaryAccumulator(maxBytes);
        this.conversion = conversion;
        this.handler = handler;
    }

    @Override
    public void onPart(ByteBuffer part, boolean last) throws Exception {
        byte[] message = bytes.add(part, last);
        if (message != null) {
            handler.onMessage(conversion.convert(message));
        }
    }
}
