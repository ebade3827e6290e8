package dev.switch101.session;

import java.nio.ByteBuffer;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;
import dev.switch101.frame.Utf8Validator;

/**
 * Turns parser events into message parts and control messages, applying the rules that span
 * frames: the message size limit (→ 1009) and UTF-8 validity of text messages, checked as
 * bytes arrive so that a connection fails at the first invalid byte (→ 1007, RFC 6455 §8.1).
 * Control frame payloads (at most 125 bytes) are the only bytes it buffers, each in a buffer of
 * its own size made when its frame begins: an idle connection keeps none.
 */
final class InboundFrames implements FrameListener {

    /** What the frames amount to. */
    interface Events {
        /** A data part; {@code part} is a view valid only during the call. */
        void onDataPart(MessageType type, ByteBuffer part, boolean last);

        void onPing(ByteBuffer payload);

        void onPong(ByteBuffer payload);

        void onClose(CloseStatus status);
    }

    private final Events events;
    private final long maxMessageSize;
    private final Utf8Validator utf8 = new Utf8Validator();
    /** The control frame being received, or {@code null}. */
    private ByteBuffer control;

    private FrameHeader frame;
    private long framesEnded;
    private long frameRemaining;
    private MessageType messageType;
    private long messageSize;
    /**
     * A data message has begun and its final frame has not ended: the message timeout's span.
     * Not the parser's {@code isMessageOpen()}, which ends at the final frame's header.
     */
    private boolean inMessage;
    private long messagesEnded;

    InboundFrames(Events events, long maxMessageSize) {
        this.events = events;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void onFrameHeader(FrameHeader header) {
        frame = header;
        frameRemaining = header.payloadLength();
        if (header.opCode().isControl()) {
            // The parser has checked that a control payload is at most 125 bytes (RFC 6455 §5.5).
            control = ByteBuffer.allocate((int) header.payloadLength());
            return;
        }
        if (header.opCode() != OpCode.CONTINUATION) {
            // The parser has already checked the fragmentation sequence (RFC 6455 §5.4).
            messageType = header.opCode() == OpCode.TEXT ? MessageType.TEXT : MessageType.BINARY;
            messageSize = 0;
            inMessage = true;
            utf8.reset();
        }
        messageSize += header.payloadLength();
        if (messageSize > maxMessageSize) {
            // Known from the header, before a byte of the payload is read.
            throw new ProtocolException(CloseCodes.MESSAGE_TOO_BIG,
                    "Message exceeds " + maxMessageSize + " bytes");
        }
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        frameRemaining -= chunk.remaining();
        if (frame.opCode().isControl()) {
            control.put(chunk);
            return;
        }
        boolean last = frame.fin() && frameRemaining == 0;
        if (messageType == MessageType.TEXT) {
            checkUtf8(chunk, last);
        }
        events.onDataPart(messageType, chunk, last);
    }

    /** How many frames have ended so far (their last byte was parsed). */
    long framesEnded() {
        return framesEnded;
    }

    /** Whether a data message has begun (its first frame header parsed) and not yet ended. */
    boolean inMessage() {
        return inMessage;
    }

    /** How many data messages have ended so far (the last byte of their final frame was parsed). */
    long messagesEnded() {
        return messagesEnded;
    }

    @Override
    public void onFrameEnd() {
        framesEnded++;
        OpCode opCode = frame.opCode();
        if (opCode.isControl()) {
            ByteBuffer payload = control.flip();
            control = null;
            switch (opCode) {
                case PING -> events.onPing(payload);
                case PONG -> events.onPong(payload);
                case CLOSE -> events.onClose(CloseStatus.parse(payload));
                default -> throw new IllegalStateException("Not a control opcode: " + opCode);
            }
            return;
        }
        if (frame.fin() && frame.payloadLength() == 0) {
            // An empty final frame: the message ends with no bytes in it to carry "last".
            if (messageType == MessageType.TEXT) {
                checkUtf8(ByteBuffer.allocate(0), true);
            }
            events.onDataPart(messageType, ByteBuffer.allocate(0), true);
        }
        if (frame.fin()) {
            inMessage = false;
            messagesEnded++;
        }
    }

    private void checkUtf8(ByteBuffer chunk, boolean last) {
        if (!utf8.feed(chunk) || (last && !utf8.isComplete())) {
            throw new ProtocolException(CloseCodes.INVALID_PAYLOAD, "Invalid UTF-8 in a text message");
        }
    }
}
