package dev.switch101.jakarta.session;

import java.util.List;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/**
 * Turns a whole text message into what a {@code MessageHandler.Whole<T>} takes: the configured
 * {@code Decoder.Text}s for {@code T} in order, the first whose {@code willDecode} says yes,
 * then the built-in conversion to {@code String} or a primitive type, if {@code T} is one.
 */
final class TextConversion {

    private final Class<?> type;
    private final List<Decoder.Text<?>> decoders;
    /** Decided once: the lookup took two map probes per message. */
    private final boolean builtIn;
    private final boolean string;

    TextConversion(Class<?> type, List<Decoder.Text<?>> decoders) {
        this.type = type;
        this.decoders = decoders;
        this.builtIn = BuiltInCoders.decodesText(type);
        this.string = type == String.class;
    }

    Object convert(String text) throws DecodeException {
        for (Decoder.Text<?> decoder : decoders) {
            if (decoder.willDecode(text)) {
                return decoder.decode(text);
            }
        }
        if (string) {
            return text;
        }
        if (builtIn) {
            return BuiltInCoders.decodeText(text, type);
        }
        throw new DecodeException(text, "No decoder for " + type.getName() + " accepts this message");
    }
}
