package dev.switch101.jakarta.pojo;

import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;

/**
 * What an endpoint's configured decoders produce and encoders accept, by message kind: the facts
 * the model needs to check {@code @OnMessage} parameter and return types at deployment (WebSocket
 * 2.1 §4.1.2, §4.1.3). The coders themselves are instantiated and used by the session, per
 * connection.
 */
final class Coders {

    private final List<Class<?>> textDecoded = new ArrayList<>();
    private final List<Class<?>> binaryDecoded = new ArrayList<>();
    private final List<Class<?>> encoded = new ArrayList<>();

    Coders(List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders) {
        for (Class<? extends Decoder> decoder : decoders) {
            addIfBound(textDecoded, CoderTypes.typeArgument(decoder, Decoder.Text.class));
            addIfBound(textDecoded, CoderTypes.typeArgument(decoder, Decoder.TextStream.class));
            addIfBound(binaryDecoded, CoderTypes.typeArgument(decoder, Decoder.Binary.class));
            addIfBound(binaryDecoded, CoderTypes.typeArgument(decoder, Decoder.BinaryStream.class));
        }
        for (Class<? extends Encoder> encoder : encoders) {
            addIfBound(encoded, CoderTypes.typeArgument(encoder, Encoder.Text.class));
            addIfBound(encoded, CoderTypes.typeArgument(encoder, Encoder.TextStream.class));
            addIfBound(encoded, CoderTypes.typeArgument(encoder, Encoder.Binary.class));
            addIfBound(encoded, CoderTypes.typeArgument(encoder, Encoder.BinaryStream.class));
        }
    }

    private static void addIfBound(List<Class<?>> types, Class<?> type) {
        if (type != null) {
            types.add(type);
        }
    }

    /** Whether a text decoder produces something a parameter of {@code type} accepts. */
    boolean decodesText(Class<?> type) {
        return producesFor(textDecoded, type);
    }

    /** Whether a binary decoder produces something a parameter of {@code type} accepts. */
    boolean decodesBinary(Class<?> type) {
        return producesFor(binaryDecoded, type);
    }

    /**
     * Whether an encoder may accept values of a method's declared return type: one encodes that
     * type or a supertype, or a subtype (a method declared to return {@code Animal} may return the
     * {@code Cat} an encoder handles).
     */
    boolean mayEncode(Class<?> returnType) {
        Class<?> boxed = Primitives.boxed(returnType);
        return encoded.stream().anyMatch(type -> type.isAssignableFrom(boxed) || boxed.isAssignableFrom(type));
    }

    /** Whether an encoder accepts exactly this value's class or a supertype of it. */
    boolean encodes(Class<?> valueClass) {
        return encoded.stream().anyMatch(type -> type.isAssignableFrom(valueClass));
    }

    private static boolean producesFor(List<Class<?>> produced, Class<?> parameterType) {
        return produced.stream().anyMatch(parameterType::isAssignableFrom);
    }
}
