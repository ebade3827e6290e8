package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

import jakarta.websocket.MessageHandler;

/** A whole text message for a {@code MessageHandler.Whole}: collected within the buffer size, converted, delivered. */
final class WholeTextSink implements MessageSink {

    private final TextAccumulator text;
    private final TextConversion conversion;
    private final MessageHandler.Whole<Object> handler;

    WholeTextSink(int maxChars, TextConversion conversion, MessageHandler.Whole<Object> handler) {
        this.text = new TextAccumulator(maxChars);
        this.conversion = conversion;
        this.handler = handler;
    }

    @Override
    public void onPart(ByteBuffer part, boolean last) throws Exception {
        String message = text.add(part, last);
        if (message != null) {
            handler.onMessage(conversion.convert(message));
        }
    }
}
