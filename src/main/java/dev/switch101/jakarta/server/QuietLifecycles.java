package dev.switch101.jakarta.server;

import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import dev.switch101.jakarta.pojo.PojoEndpoints;
import dev.switch101.jakarta.session.QuietLifecycle;

/**
 * Tells which of a connection's lifecycle callbacks run none of the application's code. Most
 * endpoints have no {@code @OnClose}, and many no {@code @OnOpen}; for those the engine opens
 * or closes the session on the container's thread, without a thread handoff.
 */
final class QuietLifecycles {

    /** Whether a programmatic endpoint class overrides {@code onClose} or {@code onError}, which do nothing in {@code Endpoint}. */
    private static final ClassValue<Boolean> OVERRIDES_CLOSE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overrides(type, "onClose", Session.class, CloseReason.class)
                    || overrides(type, "onError", Session.class, Throwable.class);
        }
    };

    private QuietLifecycles() {
    }

    /**
     * @param endpoint  the connection's endpoint
     * @param annotated whether it wraps an annotated instance ({@link PojoEndpoints#endpointFor})
     * @param config    the connection's configuration: its decoders' and encoders' {@code init}
     *                  and {@code destroy} are the application's code
     */
    static QuietLifecycle of(Endpoint endpoint, boolean annotated, EndpointConfig config) {
        if (hasAny(config.getDecoders()) || hasAny(config.getEncoders())) {
            return QuietLifecycle.NONE;
        }
        if (annotated) {
            return new QuietLifecycle(!PojoEndpoints.callsInstanceOnOpen(endpoint),
                    !PojoEndpoints.callsInstanceOnClose(endpoint));
        }
        // A programmatic onOpen is always the application's: it is abstract.
        return new QuietLifecycle(false, !OVERRIDES_CLOSE.get(endpoint.getClass()));
    }

    private static boolean hasAny(List<?> coders) {
        return coders != null && !coders.isEmpty();
    }

    private static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters).getDeclaringClass() != Endpoint.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Endpoint." + name + " not found on " + type.getName(), e);
        }
    }
}
