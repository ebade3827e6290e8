package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

import jakarta.websocket.MessageHandler;

/**
 * A text message for a {@code MessageHandler.Partial<String>}: each part as the characters it
 * completes (a character split between parts goes with the later one). Not limited by the
 * buffer size — nothing is buffered — only by the engine's message size limit.
 */
final class PartialTextSink implements MessageSink {

    private final Utf8PartDecoder decoder = new Utf8PartDecoder();
    private final MessageHandler.Partial<Object> handler;

    PartialTextSink(MessageHandler.Partial<Object> handler) {
        this.handler = handler;
    }

    @Override
    public void onPart(ByteBuffer part, boolean last) throws Exception {
        String text = decoder.decode(part, last);
        if (!text.isEmpty() || last) {
            handler.onMessage(text, last);
        }
    }
}
