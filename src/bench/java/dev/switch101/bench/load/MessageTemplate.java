package dev.switch101.bench.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * One connection's outgoing message as a ready-made, masked client frame (RFC 6455 §5.2, §5.3),
 * built once: sending the n-th message only writes its sequence number (16 masked bytes) into
 * the frame. Deliberately one masking key per connection, not one per frame as §5.3 asks of a
 * real client — a server cannot tell, and it keeps the generator's cost per message at a copy.
 * A compressed (permessage-deflate) frame carries no sequence number: its bytes are fixed.
 */
final class MessageTemplate {

    private final byte[] payload;
    private final byte[] frame;
    private final int payloadStart;
    private final byte[] mask = new byte[4];
    private final boolean sequenced;

    /**
     * @param opCode     1 (text) or 2 (binary)
     * @param payload    the message as the echo must bring it back (sequence area included)
     * @param compressed the payload compressed for permessage-deflate, or null to send it as is
     */
    MessageTemplate(int opCode, byte[] payload, byte[] compressed, SplittableRandom random) {
        this.payload = payload;
        this.sequenced = compressed == null;
        byte[] wire = compressed == null ? payload : compressed;
        for (int i = 0; i < 4; i++) {
            mask[i] = (byte) random.nextInt(256);
        }
        int length = wire.length;
        int header = 2 + (length < 126 ? 0 : length < 65536 ? 2 : 8) + 4;
        frame = new byte[header + length];
        frame[0] = (byte) (0x80 | (compressed == null ? 0 : 0x40) | opCode);
        int i = 1;
        if (length < 126) {
            frame[i++] = (byte) (0x80 | length);
        } else if (length < 65536) {
            frame[i++] = (byte) (0x80 | 126);
            frame[i++] = (byte) (length >>> 8);
            frame[i++] = (byte) length;
        } else {
            frame[i++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[i++] = (byte) ((long) length >>> shift);
            }
        }
        System.arraycopy(mask, 0, frame, i, 4);
        payloadStart = i + 4;
        for (int k = 0; k < length; k++) {
            frame[payloadStart + k] = (byte) (wire[k] ^ mask[k & 3]);
        }
    }

    /** The message as the echo must bring it back, with sequence number 0. */
    byte[] payload() {
        return payload;
    }

    boolean sequenced() {
        return sequenced;
    }

    int frameLength() {
        return frame.length;
    }

    /** The frame itself, for sending in place (one message in flight at a time). */
    ByteBuffer frameFor(long sequence) {
        writeSequence(frame, 0, sequence);
        return ByteBuffer.wrap(frame);
    }

    /** Appends the frame for message {@code sequence} to {@code out}. */
    void appendTo(ByteBuffer out, long sequence) {
        int start = out.position();
        out.put(frame);
        if (sequenced) {
            for (int k = 0; k < Payloads.SEQUENCE_LENGTH; k++) {
                out.put(start + payloadStart + k, (byte) (Payloads.sequenceDigit(sequence, k) ^ mask[k & 3]));
            }
        }
    }

    private void writeSequence(byte[] target, int frameStart, long sequence) {
        if (sequenced) {
            for (int k = 0; k < Payloads.SEQUENCE_LENGTH; k++) {
                target[frameStart + payloadStart + k] = (byte) (Payloads.sequenceDigit(sequence, k) ^ mask[k & 3]);
            }
        }
    }
}
