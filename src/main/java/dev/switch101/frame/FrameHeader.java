package dev.switch101.frame;

import java.util.Objects;

/**
 * A decoded frame header (RFC 6455 §5.2), as reported by {@link FrameParser} once the extended
 * payload length and the masking key have been read.
 *
 * @param fin           the FIN bit: this is the final fragment of a message
 * @param rsv           the three RSV bits as a number 0..7: RSV1 = 4, RSV2 = 2, RSV3 = 1
 * @param opCode        the frame's opcode
 * @param payloadLength the payload length in bytes, 0..2<sup>63</sup>-1
 * @param masked        the MASK bit; the masking key itself is not exposed because payload chunks
 *                      are delivered already unmasked
 */
public record FrameHeader(boolean fin, int rsv, OpCode opCode, long payloadLength, boolean masked) {

    /** RSV1 bit in {@link #rsv()}; used by permessage-deflate (RFC 7692). */
    public static final int RSV1 = 4;
    /** RSV2 bit in {@link #rsv()}. */
    public static final int RSV2 = 2;
    /** RSV3 bit in {@link #rsv()}. */
    public static final int RSV3 = 1;

    /**
     * Refuses values no wire header can carry.
     *
     * @param fin           the FIN bit
     * @param rsv           the RSV bits, 0..7
     * @param opCode        the opcode
     * @param payloadLength the payload length, &gt;= 0
     * @param masked        the MASK bit
     * @throws IllegalArgumentException if {@code rsv} is not 0..7 or {@code payloadLength} is negative
     * @throws NullPointerException     if {@code opCode} is null
     */
    public FrameHeader {
        Objects.requireNonNull(opCode, "opCode");
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0..7, was " + rsv);
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must be >= 0, was " + payloadLength);
        }
    }
}
