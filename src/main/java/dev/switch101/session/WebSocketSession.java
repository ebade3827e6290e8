package dev.switch101.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One open WebSocket connection, as a {@link FrameHandler} sees it. All methods are
 * thread-safe. Sends from several threads are queued in order, each whole message kept
 * together; a send waits while the outbound queue is full and fails with a
 * {@link java.util.concurrent.TimeoutException TimeoutException}-caused {@link IOException}
 * after the configured send timeout.
 */
public interface WebSocketSession {

    /** What was negotiated and what the opening handshake carried. */
    HandshakeInfo handshake();

    /** The limits in force for this connection. */
    Limits limits();

    /** Whether messages can still be sent (no close frame sent yet). */
    boolean isOpen();

    /**
     * Sends a whole data message, after any message in progress.
     *
     * @param data copied (or written) before the method returns
     */
    void sendMessage(MessageType type, ByteBuffer data) throws IOException;

    /**
     * Sends a part of a data message. The first part holds the turn until the last part,
     * from whichever thread each part comes; whole messages from other threads wait.
     *
     * @param part copied (or written) before the method returns
     * @throws IllegalStateException if a message of the other type is in progress
     */
    default void sendPart(MessageType type, ByteBuffer part, boolean last) throws IOException {
        sendPart(type, part, last, this);
    }

    /**
     * Sends a part of the message {@code message} stands for. Parts that pass the same object
     * continue one message; the first part of another waits for the turn, as a whole message
     * does, until the message in progress has ended. For senders whose messages in parts may
     * overlap (an application thread's and an asynchronous send's): each passes its own object,
     * and their frames never mix. {@link #sendPart(MessageType, ByteBuffer, boolean)} passes the
     * session itself.
     *
     * @param part    copied (or written) before the method returns
     * @param message identifies the message; compared by identity
     * @throws IllegalStateException if this message is in progress with the other type
     */
    void sendPart(MessageType type, ByteBuffer part, boolean last, Object message) throws IOException;

    /** Sends a whole text message. */
    default void sendText(String text) throws IOException {
        sendMessage(MessageType.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a whole binary message. */
    default void sendBinary(ByteBuffer data) throws IOException {
        sendMessage(MessageType.BINARY, data);
    }

    /** Sends a ping (at most 125 bytes). */
    void sendPing(ByteBuffer payload) throws IOException;

    /** Sends an unsolicited pong (at most 125 bytes). */
    void sendPong(ByteBuffer payload) throws IOException;

    /**
     * Starts the close handshake (RFC 6455 §7.1.2): sends a close frame and waits, a bounded
     * time, for the peer's. Returns at once; {@link FrameHandler#onClose} reports the end.
     *
     * @throws IllegalArgumentException if {@code code} may not be sent in a close frame
     *         (RFC 6455 §7.4: 1005, 1006, 1015, and codes outside 1000-1014 and 3000-4999)
     */
    void close(int code, String reason);

    /**
     * Replaces this connection's idle timeout ({@link Limits#idleTimeout()} until then): no
     * traffic either way for this long closes it with 1001. Takes effect at the next check
     * (the sweeper runs every 250 ms), counting from the last traffic.
     *
     * @param timeout zero disables the idle timeout
     * @throws IllegalArgumentException if negative
     */
    void setIdleTimeout(Duration timeout);
}
