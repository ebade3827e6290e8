package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

/**
 * Where the parts of one incoming message go: made at its first part for the handler of its
 * kind, dropped after its last. Called on the engine's callback thread, one part at a time.
 */
interface MessageSink {

    /** Drops every part (a message no handler wants, or the rest of one that failed). */
    MessageSink DROP = (part, last) -> { };

    /**
     * @param part valid only during the call
     * @param last whether it ends the message
     * @throws MessageTooBigException if the message outgrows the session's buffer
     * @throws Exception anything the handler or a decoder threw: reported to {@code Endpoint.onError}
     */
    void onPart(ByteBuffer part, boolean last) throws Exception;

    /** The connection closed before the last part. */
    default void abandon() {
    }
}
