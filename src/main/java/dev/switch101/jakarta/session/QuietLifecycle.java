package dev.switch101.jakarta.session;

/**
 * Which of a session's lifecycle callbacks run none of the application's code, so that the
 * engine may make them on a container thread instead of handing them to its executor (see
 * {@link dev.switch101.session.FrameHandler#opensWithoutWaiting}).
 *
 * @param open  opening the session runs no application code: no {@code @OnOpen} method, no
 *              decoder or encoder to initialise
 * @param close closing it runs none: no {@code @OnClose} or {@code @OnError} method (or
 *              override of {@code Endpoint.onClose} or {@code onError}), no decoder or encoder
 *              to destroy
 */
public record QuietLifecycle(boolean open, boolean close) {

    /** Both callbacks may run application code (the safe assumption). */
    public static final QuietLifecycle NONE = new QuietLifecycle(false, false);
}
