package dev.switch101.session;

import java.nio.ByteBuffer;

import dev.switch101.frame.CloseStatus;

/**
 * The engine's own endpoint interface: what one connection tells the application. The
 * Jakarta WebSocket layer is one implementation; the engine knows nothing of it.
 *
 * <p>The engine calls a handler from one thread at a time, in the order things happened on
 * the connection. By default never on a container I/O thread, so a handler may block (for
 * example on a send that waits for a slow peer); with inline callbacks (opt-in, for handlers
 * that do not block) on the container thread that read the input, see
 * {@link CoreSession}. {@code onOpen} and {@code onClose} of a handler that says they never wait
 * ({@link #opensWithoutWaiting}, {@link #closesWithoutWaiting}) run on the thread at hand.
 * Calls: {@link #onOpen} once, then any number of {@link #onMessagePart} and {@link #onPong},
 * then {@link #onClose} exactly once; {@link #onError} may come before {@code onClose}.
 */
public interface FrameHandler {

    /** The connection is open; keep the session to send. */
    void onOpen(WebSocketSession session);

    /**
     * A part of a data message, in order; {@code last} ends the message. Parts are as large
     * as the engine's read buffer at most, so a message of any size streams through in
     * bounded memory. Text parts have been validated as UTF-8 so far, but a part may end
     * inside a multi-byte character. What has been read but not yet handled is bounded: past a
     * few read buffers' worth, reading pauses until the handler has caught up (the read
     * back-pressure, see {@link CoreSession}).
     *
     * @param part the bytes, valid only during the call
     */
    void onMessagePart(MessageType type, ByteBuffer part, boolean last);

    /** A pong arrived (solicited or not). Pings are answered by the engine itself. */
    default void onPong(ByteBuffer payload) {
    }

    /**
     * The connection has closed, for whatever reason: the status the close handshake
     * settled on, the code the engine failed the connection with (1002, 1007, 1009, ...),
     * or {@link dev.switch101.frame.CloseCodes#ABNORMAL 1006} when no close frame came.
     */
    void onClose(CloseStatus status);

    /** Something went wrong (a protocol error from the peer, an I/O error, a handler exception). */
    default void onError(Throwable cause) {
    }

    /**
     * Whether {@link #onOpen} runs only code that never waits — none of the application's, only
     * the handler's own set-up. The engine then calls it on the container thread that hands the
     * connection over, even without inline callbacks: a thread handoff saved per connection.
     * Default {@code false}: {@code onOpen} may block, like any callback.
     */
    default boolean opensWithoutWaiting() {
        return false;
    }

    /**
     * Whether {@link #onClose}, and an {@link #onError} just before it, run only code that never
     * waits. The engine then calls them on the thread that learns of the close (the reading
     * container thread, for the peer's close frame) when no callback is queued or running for
     * the connection, instead of handing them to the executor. Default {@code false}.
     */
    default boolean closesWithoutWaiting() {
        return false;
    }

    /**
     * The connection never opened: the upgrade, or the connection's start, failed after the
     * handler was made. No other method is called, before or after; a handler that holds
     * something for its connection (an endpoint instance) lets go of it here.
     */
    default void onAbandoned() {
    }
}
