package dev.switch101.frame;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes frame headers (RFC 6455 §5.2) and, for convenience, whole frames.
 *
 * <p>Frames sent by a server are never masked (§5.1). The masked variants exist for the client
 * side and for tests that play the client. Lengths use the minimal encoding the RFC requires of a
 * sender: 7-bit up to 125, 16-bit (marker 126) up to 65535, 64-bit (marker 127) beyond.
 *
 * <p>Header bytes are always written in network byte order, whatever the order of the target buffer.
 */
public final class FrameWriter {

    /** The largest possible header: 2 fixed bytes, an 8-byte extended length and a 4-byte masking key. */
    public static final int MAX_HEADER_LENGTH = 14;

    /** Largest payload a control frame may carry (§5.5). */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    private FrameWriter() {
    }

    /**
     * The size of the header {@link #writeHeader} or {@link #writeMaskedHeader} would write.
     *
     * @param payloadLength the payload length, &gt;= 0
     * @param masked        whether a 4-byte masking key follows the length
     * @return the header length, 2..14
     */
    public static int headerLength(long payloadLength, boolean masked) {
        int length = 2;
        if (payloadLength > 0xFFFF) {
            length += 8;
        } else if (payloadLength > MAX_CONTROL_PAYLOAD) {
            length += 2;
        }
        return masked ? length + 4 : length;
    }

    /**
     * Writes the header of an unmasked (server) frame at {@code out}'s position, advancing it.
     *
     * @param out           the target; needs {@link #headerLength}{@code (payloadLength, false)} bytes
     * @param fin           final fragment of the message
     * @param rsv           RSV bits 0..7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
     * @param opCode        the opcode
     * @param payloadLength the payload length that will follow
     * @throws IllegalArgumentException if the frame would be invalid (see {@link #writeMaskedHeader})
     * @throws BufferOverflowException  if {@code out} is too small; nothing is written then
     */
    public static void writeHeader(ByteBuffer out, boolean fin, int rsv, OpCode opCode, long payloadLength) {
        write(out, fin, rsv, opCode, payloadLength, false, 0);
    }

    /**
     * Writes the header of a masked (client) frame, including the 4-byte masking key, at
     * {@code out}'s position, advancing it. The payload must then be masked with the same key
     * starting at offset 0, e.g. with {@link Masker#mask}.
     *
     * @param out           the target; needs {@link #headerLength}{@code (payloadLength, true)} bytes
     * @param fin           final fragment of the message
     * @param rsv           RSV bits 0..7 (RSV1 = 4, RSV2 = 2, RSV3 = 1)
     * @param opCode        the opcode
     * @param payloadLength the payload length that will follow
     * @param maskKey       the masking key, big-endian (its high byte is sent first)
     * @throws IllegalArgumentException if {@code rsv} is not 0..7, {@code payloadLength} is
     *                                  negative, or a control frame has {@code fin == false} or a
     *                                  payload over 125 bytes (§5.5)
     * @throws BufferOverflowException  if {@code out} is too small; nothing is written then
     */
    public static void writeMaskedHeader(ByteBuffer out, boolean fin, int rsv, OpCode opCode, long payloadLength,
            int maskKey) {
        write(out, fin, rsv, opCode, payloadLength, true, maskKey);
    }

    /**
     * Builds a complete unmasked (server) frame.
     *
     * @param fin     final fragment of the message
     * @param rsv     RSV bits 0..7
     * @param opCode  the opcode
     * @param payload the payload, between its position and limit; not consumed
     * @return a new buffer holding header and payload, ready to read
     * @throws IllegalArgumentException as for {@link #writeHeader}
     */
    public static ByteBuffer frame(boolean fin, int rsv, OpCode opCode, ByteBuffer payload) {
        return build(fin, rsv, opCode, payload, false, 0);
    }

    /**
     * Builds a complete masked (client) frame.
     *
     * @param fin     final fragment of the message
     * @param rsv     RSV bits 0..7
     * @param opCode  the opcode
     * @param payload the unmasked payload, between its position and limit; neither consumed nor modified
     * @param maskKey the masking key, big-endian
     * @return a new buffer holding header, key and masked payload, ready to read
     * @throws IllegalArgumentException as for {@link #writeMaskedHeader}
     */
    public static ByteBuffer maskedFrame(boolean fin, int rsv, OpCode opCode, ByteBuffer payload, int maskKey) {
        return build(fin, rsv, opCode, payload, true, maskKey);
    }

    private static ByteBuffer build(boolean fin, int rsv, OpCode opCode, ByteBuffer payload, boolean masked,
            int maskKey) {
        int payloadLength = payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(headerLength(payloadLength, masked) + payloadLength);
        write(frame, fin, rsv, opCode, payloadLength, masked, maskKey);
        int payloadStart = frame.position();
        frame.put(payload.duplicate());
        if (masked) {
            // Mask only the copy: the caller's payload stays readable as plain data.
            Masker.mask(frame.duplicate().position(payloadStart), maskKey, 0);
        }
        return frame.flip();
    }

    private static void write(ByteBuffer out, boolean fin, int rsv, OpCode opCode, long payloadLength,
            boolean masked, int maskKey) {
        Objects.requireNonNull(opCode, "opCode");
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("rsv must be 0..7, was " + rsv);
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must be >= 0, was " + payloadLength);
        }
        if (opCode.isControl()) {
            if (!fin) {
                throw new IllegalArgumentException("control frames must not be fragmented: " + opCode);
            }
            if (payloadLength > MAX_CONTROL_PAYLOAD) {
                throw new IllegalArgumentException(
                        "control frame payload must be <= 125 bytes: " + opCode + " of " + payloadLength);
            }
        }
        // Check room first so a failed call leaves out untouched rather than half a header.
        if (out.remaining() < headerLength(payloadLength, masked)) {
            throw new BufferOverflowException();
        }
        out.put((byte) ((fin ? 0x80 : 0) | (rsv << 4) | opCode.code()));
        int maskBit = masked ? 0x80 : 0;
        if (payloadLength <= MAX_CONTROL_PAYLOAD) {
            out.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            out.put((byte) (maskBit | 126));
            out.put((byte) (payloadLength >>> 8));
            out.put((byte) payloadLength);
        } else {
            out.put((byte) (maskBit | 127));
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.put((byte) (payloadLength >>> shift));
            }
        }
        if (masked) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.put((byte) (maskKey >>> shift));
            }
        }
    }
}
