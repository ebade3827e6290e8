package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.util.List;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/**
 * Turns a whole binary message into what a {@code MessageHandler.Whole<T>} takes:
 * {@code ByteBuffer} and {@code byte[]} as they are, otherwise the configured
 * {@code Decoder.Binary}s for {@code T} in order, the first whose {@code willDecode} says yes.
 */
final class BinaryConversion {

    private final Class<?> type;
    private final List<Decoder.Binary<?>> decoders;

    BinaryConversion(Class<?> type, List<Decoder.Binary<?>> decoders) {
        this.type = type;
        this.decoders = decoders;
    }

    Object convert(byte[] bytes) throws DecodeException {
        if (type == byte[].class) {
            return bytes;
        }
        if (type == ByteBuffer.class) {
            return ByteBuffer.wrap(bytes);
        }
        for (Decoder.Binary<?> decoder : decoders) {
            // Each decoder gets its own view: willDecode may move the position.
            if (decoder.willDecode(ByteBuffer.wrap(bytes))) {
                return decoder.decode(ByteBuffer.wrap(bytes));
            }
        }
        throw new DecodeException(ByteBuffer.wrap(bytes), "No decoder for " + type.getName() + " accepts this message");
    }
}
