package dev.switch101.jakarta.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;

/**
 * The decoders of one session: an instance of each class the endpoint configuration lists, in
 * its order, made and initialised when the session opens and destroyed when it closes: one
 * {@code init} and one {@code destroy} per session, as the spec's coder lifecycle asks.
 */
final class SessionDecoders {

    /** What a decoder takes. */
    enum Shape {
        TEXT(Decoder.Text.class, MessageKind.TEXT), TEXT_STREAM(Decoder.TextStream.class, MessageKind.TEXT),
        BINARY(Decoder.Binary.class, MessageKind.BINARY), BINARY_STREAM(Decoder.BinaryStream.class, MessageKind.BINARY);

        final Class<?> api;
        final MessageKind kind;

        Shape(Class<?> api, MessageKind kind) {
            this.api = api;
            this.kind = kind;
        }

        boolean streams() {
            return this == TEXT_STREAM || this == BINARY_STREAM;
        }
    }

    /** One decoder instance, what it takes and what it makes. */
    record Entry(Decoder decoder, Shape shape, Class<?> decodes) {
    }

    private final List<Entry> entries;

    private SessionDecoders(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Makes and initialises the configuration's decoders.
     *
     * @throws IllegalStateException if one cannot be made, or is no Text, TextStream, Binary or
     *         BinaryStream decoder with a resolvable type (those already made are destroyed)
     */
    static SessionDecoders create(EndpointConfig config) {
        List<Entry> made = new ArrayList<>();
        try {
            for (Class<? extends Decoder> type : config.getDecoders()) {
                Entry entry = describe(type, CoderLifecycle.instantiate(type));
                made.add(entry);
                entry.decoder().init(config);
            }
        } catch (RuntimeException e) {
            made.forEach(entry -> CoderLifecycle.destroy(entry.decoder()));
            throw e;
        }
        return new SessionDecoders(List.copyOf(made));
    }

    static Entry describe(Class<?> type, Decoder instance) {
        for (Shape shape : Shape.values()) {
            if (shape.api.isInstance(instance)) {
                Optional<Class<?>> decodes = GenericTypes.typeArgument(type, shape.api);
                if (decodes.isPresent()) {
                    return new Entry(instance, shape, decodes.get());
                }
            }
        }
        throw new IllegalStateException("Cannot tell what " + type.getName()
                + " decodes: it must implement Decoder.Text, TextStream, Binary or BinaryStream with a type argument");
    }

    /** The decoders whose result a handler of {@code type} accepts, in configuration order. */
    List<Entry> candidates(Class<?> type) {
        Class<?> boxed = BuiltInCoders.boxed(type);
        return entries.stream().filter(e -> boxed.isAssignableFrom(e.decodes())).toList();
    }

    void destroy() {
        entries.forEach(entry -> CoderLifecycle.destroy(entry.decoder()));
    }
}
