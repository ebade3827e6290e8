package dev.switch101.jakarta.pojo;

/**
 * Throws any {@link Throwable} unchanged from a method that declares no checked exceptions.
 *
 * <p>Why: an annotated method may throw a checked exception (say an {@code IOException}), while
 * {@code MessageHandler.onMessage} declares none. The runtime routes what a handler throws to
 * {@code Endpoint.onError}, and the spec wants the application's own error there (WebSocket 2.1
 * §5.2.2), not a wrapper around it.
 */
final class Rethrow {

    private Rethrow() {
    }

    /** Never returns; declared to return so call sites can write {@code throw Rethrow.unchecked(t)}. */
    static RuntimeException unchecked(Throwable error) {
        throw Rethrow.<RuntimeException>as(error);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T as(Throwable error) throws T {
        throw (T) error;
    }
}
