package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

import jakarta.websocket.MessageHandler;

/**
 * A binary message for a {@code MessageHandler.Partial<ByteBuffer>} or {@code <byte[]>}: each
 * part as it comes, copied (the handler may keep it). Not limited by the buffer size, only by
 * the engine's message size limit.
 */
final class PartialBinarySink implements MessageSink {

    private final MessageHandler.Partial<Object> handler;
    private final boolean asArray;

    PartialBinarySink(MessageHandler.Partial<Object> handler, boolean asArray) {
        this.handler = handler;
        this.asArray = asArray;
    }

    @Override
    public void onPart(ByteBuffer part, boolean last) {
        byte[] copy = new byte[part.remaining()];
        part.get(copy);
        handler.onMessage(asArray ? copy : ByteBuffer.wrap(copy), last);
    }
}
