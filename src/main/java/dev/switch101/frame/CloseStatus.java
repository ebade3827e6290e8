package dev.switch101.frame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The payload of a close frame (RFC 6455 §5.5.1): an optional 2-byte status code followed by an
 * optional UTF-8 reason.
 *
 * <p>A close frame without a body is represented by code {@link CloseCodes#NO_STATUS 1005} and an
 * empty reason, the way §7.1.5 defines "the WebSocket Connection Close Code" for that case.
 *
 * @param code   the status code (§7.4)
 * @param reason the reason text, never null (a null argument becomes "")
 */
public record CloseStatus(int code, String reason) {

    /** Reason bytes that fit in a control frame next to the 2-byte code: 125 - 2. */
    public static final int MAX_REASON_BYTES = FrameWriter.MAX_CONTROL_PAYLOAD - 2;

    /**
     * Normalizes a null reason to "" so callers never have to check. The code is not validated
     * here, since 1005 and 1006 are legitimate statuses to report locally; see {@link #toPayload()}.
     *
     * @param code   the status code
     * @param reason the reason, or null for none
     */
    public CloseStatus {
        reason = Objects.requireNonNullElse(reason, "");
    }

    /**
     * Parses a received close frame payload, without consuming it (its position is unchanged).
     *
     * @param payload the unmasked payload, between its position and limit
     * @return the status; code 1005 and reason "" for an empty payload
     * @throws ProtocolException 1002 if the payload is 1 byte long (a code needs 2), longer than 125
     *                           bytes, or carries a code that must not appear on the wire;
     *                           1007 if the reason is not valid UTF-8 (§8.1)
     */
    public static CloseStatus parse(ByteBuffer payload) {
        int length = payload.remaining();
        if (length == 0) {
            return new CloseStatus(CloseCodes.NO_STATUS, "");
        }
        if (length == 1) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "close payload of 1 byte: a status code needs 2");
        }
        if (length > FrameWriter.MAX_CONTROL_PAYLOAD) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "close payload longer than 125 bytes");
        }
        int start = payload.position();
        // Explicit bytes rather than getShort so the buffer's byte order cannot matter.
        int code = ((payload.get(start) & 0xFF) << 8) | (payload.get(start + 1) & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "close code " + code + " is not valid on the wire");
        }
        String reason;
        try {
            // A strict decoder: the default String constructor would silently substitute U+FFFD.
            reason = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(payload.slice(start + 2, length - 2))
                    .toString();
        } catch (CharacterCodingException e) {
            ProtocolException failure = new ProtocolException(CloseCodes.INVALID_PAYLOAD,
                    "close reason is not valid UTF-8");
            failure.initCause(e);
            throw failure;
        }
        return new CloseStatus(code, reason);
    }

    /**
     * Encodes this status as a close frame payload: the code in network byte order followed by the
     * reason in UTF-8, truncated on a code point boundary so the whole payload fits in 125 bytes
     * (§5.5). For {@link CloseCodes#NO_STATUS 1005} with an empty reason the payload is empty,
     * which is how "no status" is expressed on the wire.
     *
     * <p>Unpaired surrogates in the reason are encoded as '?', since they have no UTF-8 form.
     *
     * @return a new buffer, ready to read
     * @throws IllegalStateException if the code must not be sent (see
     *                               {@link CloseCodes#isValidOnWire}), or is 1005 with a reason,
     *                               which has no wire form
     */
    public ByteBuffer toPayload() {
        if (code == CloseCodes.NO_STATUS && reason.isEmpty()) {
            return ByteBuffer.allocate(0);
        }
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalStateException("close code " + code + " must not be sent in a close frame");
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        int reasonLength = Math.min(bytes.length, MAX_REASON_BYTES);
        // Step back off continuation bytes (10xxxxxx) so the cut never splits a code point.
        while (reasonLength < bytes.length && reasonLength > 0 && (bytes[reasonLength] & 0xC0) == 0x80) {
            reasonLength--;
        }
        ByteBuffer payload = ByteBuffer.allocate(2 + reasonLength);
        payload.put((byte) (code >>> 8)).put((byte) code).put(bytes, 0, reasonLength);
        return payload.flip();
    }
}
