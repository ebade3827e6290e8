package dev.switch101.jakarta.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

/**
 * The encoders of one session for {@code sendObject}: an instance of each class the endpoint
 * configuration lists, in its order, made and initialised when the session opens and destroyed
 * when it closes. An encoder may be used by several senders at once (Basic from any thread and
 * the Async worker), so each use holds the encoder's monitor: encoders need not be thread-safe.
 */
final class SessionEncoders {

    /** What an encoder gives. */
    enum Shape {
        TEXT(Encoder.Text.class), TEXT_STREAM(Encoder.TextStream.class), BINARY(Encoder.Binary.class),
        BINARY_STREAM(Encoder.BinaryStream.class);

        final Class<?> api;

        Shape(Class<?> api) {
            this.api = api;
        }
    }

    /** One encoder instance, what it gives and what it takes. */
    record Entry(Encoder encoder, Shape shape, Class<?> encodes) {
    }

    private final List<Entry> entries;

    private SessionEncoders(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @throws IllegalStateException if one cannot be made or its type cannot be told (those
     *         already made are destroyed)
     */
    static SessionEncoders create(EndpointConfig config) {
        List<Entry> made = new ArrayList<>();
        try {
            for (Class<? extends Encoder> type : config.getEncoders()) {
                Entry entry = describe(type, CoderLifecycle.instantiate(type));
                made.add(entry);
                entry.encoder().init(config);
            }
        } catch (RuntimeException e) {
            made.forEach(entry -> CoderLifecycle.destroy(entry.encoder()));
            throw e;
        }
        return new SessionEncoders(List.copyOf(made));
    }

    private static Entry describe(Class<?> type, Encoder instance) {
        for (Shape shape : Shape.values()) {
            if (shape.api.isInstance(instance)) {
                Optional<Class<?>> encodes = GenericTypes.typeArgument(type, shape.api);
                if (encodes.isPresent()) {
                    return new Entry(instance, shape, encodes.get());
                }
            }
        }
        throw new IllegalStateException("Cannot tell what " + type.getName()
                + " encodes: it must implement Encoder.Text, TextStream, Binary or BinaryStream with a type argument");
    }

    /** The first encoder, in configuration order, that takes {@code value}. */
    Optional<Entry> forValue(Object value) {
        return entries.stream().filter(e -> e.encodes().isInstance(value)).findFirst();
    }

    void destroy() {
        entries.forEach(entry -> CoderLifecycle.destroy(entry.encoder()));
    }
}
