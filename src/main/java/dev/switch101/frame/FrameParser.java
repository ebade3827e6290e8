package dev.switch101.frame;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Incremental RFC 6455 frame parser (§5.2): a state machine that can be fed input in pieces of any
 * size, down to one byte at a time, and reports frames to a {@link FrameListener}.
 *
 * <p><b>Memory.</b> Only the frame header (at most {@value FrameWriter#MAX_HEADER_LENGTH} bytes) is
 * buffered across calls. Payload bytes are handed to the listener as soon as they arrive, as views
 * of the input buffer, so a frame of any size streams through in constant parser memory. Masked
 * payload is unmasked in place in the input buffer before it is delivered; if the input is
 * read-only it is copied through a small fixed-size scratch buffer instead.
 *
 * <p><b>Checks.</b> Each violation throws {@link ProtocolException} with the close code to fail
 * the connection with, as early as the offending byte is seen:
 * <ul>
 *   <li>1002: RSV bits not allowed by {@link #setAllowedRsv} (§5.2)</li>
 *   <li>1002: a reserved opcode, 0x3-0x7 or 0xB-0xF (§5.2)</li>
 *   <li>1002: a fragmented control frame (§5.5)</li>
 *   <li>1002: a control frame payload over 125 bytes (§5.5)</li>
 *   <li>1002: an unmasked frame where masking is required, or a masked one where it is forbidden (§5.1)</li>
 *   <li>1002: a 64-bit length with the most significant bit set (§5.2)</li>
 *   <li>1002: a CONTINUATION frame with no message open, or a TEXT/BINARY frame while one is (§5.4)</li>
 *   <li>1009: a data frame longer than {@link FrameParserConfig#maxFramePayload()}, checked from the
 *       header before any payload is read (§7.4.1)</li>
 * </ul>
 * Control frames may arrive between the fragments of a data message (§5.4) and do not affect it.
 *
 * <p><b>Non-minimal lengths are accepted.</b> §5.2 says "the minimal number of bytes MUST be used
 * to encode the length", which is a requirement on the sender. A non-minimal encoding such as
 * length 5 written as 126 0x00 0x05 is still unambiguous and cannot be used to smuggle anything
 * past the checks above (which apply to the decoded value), so rejecting it would only break
 * interoperability with sloppy but harmless peers.
 *
 * <p>The parser knows nothing of UTF-8, close payloads or extensions beyond the RSV bits: the
 * listener does that (see {@link Utf8Validator}, {@link CloseStatus#parse}). Per-frame extension
 * rules, such as RFC 7692's "RSV1 only on the first frame of a message", are also the extension's
 * job.
 *
 * <p>After {@link #parse} has thrown, the parser is unusable: the connection is being failed and
 * later calls throw {@link IllegalStateException}. Not thread-safe.
 */
public final class FrameParser {

    /** Size of the scratch buffer used to unmask read-only input; bounds the copy, not the frame. */
    private static final int SCRATCH_SIZE = 4096;

    private enum State { HEADER, PAYLOAD, FAILED }

    private final FrameParserConfig config;
    private final FrameListener listener;
    private int allowedRsv;

    private State state = State.HEADER;

    // Header being assembled. headerNeeded is 2 until the second byte tells the real header length.
    private final byte[] header = new byte[FrameWriter.MAX_HEADER_LENGTH];
    private int headerFill;
    private int headerNeeded = 2;
    private OpCode opCode;

    // Current frame's payload.
    private long payloadRemaining;
    private boolean masked;
    private int maskKey;
    private int maskOffset;

    // Whether a fragmented data message has started and not yet seen its FIN frame.
    private boolean messageOpen;

    private ByteBuffer scratch;

    /** The listener asked {@link #parse} to return behind the current event. */
    private boolean stopRequested;

    /**
     * @param config   role and limits
     * @param listener receives the frames
     */
    public FrameParser(FrameParserConfig config, FrameListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Declares which RSV bits negotiated extensions use (RFC 6455 §5.2: "MUST be 0 unless an
     * extension is negotiated that defines meanings for non-zero values"). Default: none.
     *
     * @param rsvMask a combination of {@link FrameHeader#RSV1}, {@link FrameHeader#RSV2} and
     *                {@link FrameHeader#RSV3}, 0..7
     * @throws IllegalArgumentException if {@code rsvMask} is not 0..7
     */
    public void setAllowedRsv(int rsvMask) {
        if (rsvMask < 0 || rsvMask > 7) {
            throw new IllegalArgumentException("rsvMask must be 0..7, was " + rsvMask);
        }
        this.allowedRsv = rsvMask;
    }

    /**
     * Makes the current {@link #parse} call return behind the event being delivered, leaving the
     * rest of its input unconsumed (the input's position tells where to go on). For a listener
     * that cannot take more input for now, such as an extension waiting for the application
     * to catch up. Only the {@link FrameListener#onFrameEnd()} of a frame whose last payload
     * chunk is being delivered may still follow.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * @return whether a data message has been started by a non-final frame and not yet finished;
     *         lets the owner tell a clean close from one that interrupts a message
     */
    public boolean isMessageOpen() {
        return messageOpen;
    }

    /**
     * @return whether the input so far ends exactly between two frames: no byte of a next frame's
     *         header or payload has been consumed; lets the owner bound how long a frame may take
     */
    public boolean isBetweenFrames() {
        return state == State.HEADER && headerFill == 0;
    }

    /**
     * Consumes all of {@code input}, advancing its position to its limit, and reports the frames
     * (or parts of frames) it contains. A frame may span any number of calls.
     *
     * @param input the received bytes; masked payload in it is unmasked in place unless it is read-only
     * @throws ProtocolException     if the input violates RFC 6455, or the listener throws one;
     *                               the input's position is then unspecified
     * @throws IllegalStateException if an earlier call has thrown
     */
    public void parse(ByteBuffer input) {
        if (state == State.FAILED) {
            throw new IllegalStateException("the parser has failed earlier; the connection must be closed");
        }
        stopRequested = false;
        try {
            while (input.hasRemaining() && !stopRequested) {
                if (state == State.HEADER) {
                    parseHeader(input);
                } else {
                    parsePayload(input);
                }
            }
        } catch (RuntimeException e) {
            // Mark and rethrow: whatever went wrong (a protocol violation or a listener failure),
            // the stream position is lost and nothing after this point can be parsed reliably.
            state = State.FAILED;
            throw e;
        }
    }

    private void parseHeader(ByteBuffer input) {
        while (headerFill < headerNeeded && input.hasRemaining()) {
            header[headerFill++] = input.get();
            if (headerFill == 1) {
                checkFirstByte(header[0]);
            } else if (headerFill == 2) {
                headerNeeded = checkSecondByte(header[1]);
            }
        }
        if (headerFill == headerNeeded) {
            completeHeader();
        }
    }

    private void checkFirstByte(byte b) {
        int rsv = (b >> 4) & 0x7;
        if ((rsv & ~allowedRsv) != 0) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    "RSV bits " + Integer.toBinaryString(rsv) + " set without a negotiated extension");
        }
        int code = b & 0x0F;
        opCode = OpCode.of(code);
        if (opCode == null) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "reserved opcode 0x" + Integer.toHexString(code));
        }
        boolean fin = (b & 0x80) != 0;
        if (opCode.isControl() && !fin) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "fragmented control frame " + opCode);
        }
        if (opCode == OpCode.CONTINUATION && !messageOpen) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "CONTINUATION frame without a message to continue");
        }
        if ((opCode == OpCode.TEXT || opCode == OpCode.BINARY) && messageOpen) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    opCode + " frame while a fragmented message is still open");
        }
    }

    /** @return the total header length this byte announces */
    private int checkSecondByte(byte b) {
        masked = (b & 0x80) != 0;
        if (masked != config.requireMasked()) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, masked
                    ? "masked frame from a server"
                    : "unmasked frame from a client");
        }
        int length7 = b & 0x7F;
        if (opCode.isControl() && length7 > FrameWriter.MAX_CONTROL_PAYLOAD) {
            // 126 and 127 announce extended lengths, which are always > 125 when minimal; a
            // non-minimal one would still be an extended length form, not allowed for control frames.
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "control frame " + opCode + " longer than 125 bytes");
        }
        int needed = 2;
        if (length7 == 126) {
            needed += 2;
        } else if (length7 == 127) {
            needed += 8;
        }
        return masked ? needed + 4 : needed;
    }

    private void completeHeader() {
        int length7 = header[1] & 0x7F;
        int index = 2;
        long length;
        if (length7 == 126) {
            length = ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            index = 4;
        } else if (length7 == 127) {
            length = 0;
            for (; index < 10; index++) {
                length = (length << 8) | (header[index] & 0xFFL);
            }
            if (length < 0) {
                throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                        "64-bit payload length with the most significant bit set");
            }
        } else {
            length = length7;
        }
        if (opCode.isData() && length > config.maxFramePayload()) {
            throw new ProtocolException(CloseCodes.MESSAGE_TOO_BIG,
                    "frame payload of " + length + " bytes exceeds the limit of " + config.maxFramePayload());
        }
        if (masked) {
            maskKey = ((header[index] & 0xFF) << 24) | ((header[index + 1] & 0xFF) << 16)
                    | ((header[index + 2] & 0xFF) << 8) | (header[index + 3] & 0xFF);
            maskOffset = 0;
        }
        boolean fin = (header[0] & 0x80) != 0;
        int rsv = (header[0] >> 4) & 0x7;
        if (opCode.isData()) {
            messageOpen = !fin;
        }

        // Ready for the next header before calling out, so the listener sees a consistent parser.
        headerFill = 0;
        headerNeeded = 2;
        payloadRemaining = length;

        listener.onFrameHeader(new FrameHeader(fin, rsv, opCode, length, masked));
        if (length == 0) {
            listener.onFrameEnd();
        } else {
            state = State.PAYLOAD;
        }
    }

    private void parsePayload(ByteBuffer input) {
        int n = (int) Math.min(payloadRemaining, input.remaining());
        int start = input.position();
        if (masked && input.isReadOnly()) {
            n = Math.min(n, SCRATCH_SIZE); // one chunk per step, so that a stop takes effect between chunks
            deliverThroughScratch(input, n);
        } else {
            ByteBuffer chunk = input.slice(start, n);
            if (masked) {
                maskOffset = Masker.mask(chunk, maskKey, maskOffset);
            }
            // Consume before calling out: the bytes are already unmasked in place, so they must
            // never be parsed again even if the listener throws.
            input.position(start + n);
            listener.onPayload(chunk);
        }
        payloadRemaining -= n;
        if (payloadRemaining == 0) {
            state = State.HEADER;
            listener.onFrameEnd();
        }
    }

    private void deliverThroughScratch(ByteBuffer input, int n) {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(SCRATCH_SIZE);
        }
        scratch.clear();
        scratch.put(input.slice(input.position(), n)).flip();
        input.position(input.position() + n);
        maskOffset = Masker.mask(scratch, maskKey, maskOffset);
        listener.onPayload(scratch);
    }
}
