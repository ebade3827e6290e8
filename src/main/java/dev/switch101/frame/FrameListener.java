package dev.switch101.frame;

import java.nio.ByteBuffer;

/**
 * Receives the events of a {@link FrameParser}, in this order for every frame:
 * {@link #onFrameHeader} once, {@link #onPayload} zero or more times, {@link #onFrameEnd} once.
 *
 * <p>The parser does no message assembly, UTF-8 validation or close-payload parsing; those belong
 * to the listener (see {@link Utf8Validator} and {@link CloseStatus#parse}). A listener may throw
 * {@link ProtocolException} to fail the connection; it propagates out of {@link FrameParser#parse}.
 */
public interface FrameListener {

    /**
     * A frame header has been read and passed the parser's checks.
     *
     * @param header the decoded header
     */
    void onFrameHeader(FrameHeader header);

    /**
     * The next part of the current frame's payload, already unmasked. Called zero or more times
     * per frame, never with an empty chunk.
     *
     * @param chunk the bytes between its position and limit; only valid during the call, since it
     *              may be a view of the parser's input buffer. Copy what must be kept.
     */
    void onPayload(ByteBuffer chunk);

    /** The current frame is complete: called after its last payload chunk, also for empty payloads. */
    void onFrameEnd();
}
