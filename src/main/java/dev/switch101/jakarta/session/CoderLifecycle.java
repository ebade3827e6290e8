package dev.switch101.jakarta.session;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;

import jakarta.websocket.EndpointConfig;

/** Making, initialising and destroying the per-session coder instances. */
final class CoderLifecycle {

    private static final System.Logger LOG = System.getLogger(CoderLifecycle.class.getName());

    private CoderLifecycle() {
    }

    /**
     * A new instance of a coder class (public no-arg constructor, as the spec requires of coders).
     *
     * @throws IllegalStateException naming the class, if it cannot be made
     */
    static <T> T instantiate(Class<? extends T> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(type.getName() + " has no public no-arg constructor", e);
        }
    }

    /** {@code init} of a Decoder or Encoder (they share the signature but not a type). */
    static void init(Object coder, EndpointConfig config) {
        if (coder instanceof jakarta.websocket.Decoder decoder) {
            decoder.init(config);
        } else if (coder instanceof jakarta.websocket.Encoder encoder) {
            encoder.init(config);
        }
    }

    /** {@code destroy}, with a failure logged: one coder's failure must not keep the others. */
    static void destroy(Object coder) {
        try {
            if (coder instanceof jakarta.websocket.Decoder decoder) {
                decoder.destroy();
            } else if (coder instanceof jakarta.websocket.Encoder encoder) {
                encoder.destroy();
            }
        } catch (Exception e) { // checked ones too: a destroy() in another JVM language may throw them
            LOG.log(Level.WARNING, "destroy() of " + coder.getClass().getName() + " failed", e);
        }
    }
}
