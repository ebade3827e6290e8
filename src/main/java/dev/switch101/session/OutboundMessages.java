package dev.switch101.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switch101.extension.ExtensionStack;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;

/**
 * Orders outgoing data messages so their frames never interleave. A whole message waits for
 * its turn and then goes out in one piece; a message sent in parts holds the turn from its
 * first part to its last, whichever threads send the parts (a handler's callbacks may run on
 * different pool threads), and whole messages from other threads wait meanwhile — instead of
 * failing, as some implementations do. Everything is cut into frames no larger than a fixed
 * chunk, so no single frame can overrun the bounded outbound queue.
 */
final class OutboundMessages {

    private final Transport transport;
    private final long sendTimeoutMillis;
    private final int maxFramePayload;
    private final ExtensionStack extensions;

    private final Object lock = new Object();
    /** Whether a message is being sent (a whole one, or one in parts until its last part). */
    private boolean busy;
    /** The type of the message being sent in parts, or {@code null}. */
    private MessageType partial;
    /** What its parts pass to say they belong to it (see {@link #sendPart}). */
    private Object partialMessage;

    OutboundMessages(Transport transport, Limits limits, ExtensionStack extensions) {
        this.transport = transport;
        this.sendTimeoutMillis = limits.sendTimeout().toMillis();
        this.maxFramePayload = maxFramePayload(limits);
        this.extensions = extensions;
    }

    /** The largest frame payload sent: half the queue, so a frame always fits once the queue has drained to half. */
    static int maxFramePayload(Limits limits) {
        return Math.max(1024, Math.min(64 * 1024, limits.outboundQueueSize() / 2));
    }

    /**
     * Sends a whole message once no other message is in progress.
     *
     * @param flush whether to push it out at once; otherwise it may wait in the transport's
     *              buffer for the caller's {@link Transport#flush()}
     */
    void sendMessage(MessageType type, ByteBuffer data, boolean flush) throws IOException {
        long deadline = deadline();
        synchronized (lock) {
            awaitTurn(deadline);
            busy = true;
        }
        try {
            writeFrames(type, data.duplicate(), true, false, deadline);
            if (flush) {
                transport.flush();
            }
        } finally {
            endTurn();
        }
    }

    /**
     * Sends a part of a message: the first part waits for a turn, later parts of the same
     * message continue it, and the last part ends it. A part of another message waits for the
     * turn like a whole message: the frames of two messages never mix.
     *
     * @param flush   whether to push the part out at once (see {@link #sendMessage})
     * @param message the message the part belongs to, compared by identity
     * @throws IllegalStateException if this message is in progress with the other type
     */
    void sendPart(MessageType type, ByteBuffer part, boolean last, boolean flush, Object message)
            throws IOException {
        boolean continuation;
        long deadline = deadline();
        synchronized (lock) {
            continuation = partial != null && partialMessage == message;
            if (continuation && partial != type) {
                throw new IllegalStateException("A " + partial + " message is in progress; finish it first");
            }
            if (!continuation) {
                awaitTurn(deadline);
                busy = true;
                partial = type;
                partialMessage = message;
            }
        }
        boolean done = false;
        try {
            writeFrames(type, part.duplicate(), last, continuation, deadline);
            if (flush) {
                transport.flush();
            }
            done = true;
        } finally {
            if (last || !done) {
                // A failed send leaves the message unfinishable: the session fails the
                // connection, and the turn passes on so that waiting senders learn of it.
                endTurn();
            }
        }
    }

    /** One send timeout for the whole call, however many frames it takes. */
    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
    }

    private void writeFrames(MessageType type, ByteBuffer data, boolean last, boolean continuation, long deadline)
            throws IOException {
        boolean first = !continuation;
        int[] written = {0};
        try {
            do {
                int length = Math.min(data.remaining(), maxFramePayload);
                boolean fin = last && length == data.remaining();
                OpCode opCode = !first ? OpCode.CONTINUATION : type == MessageType.TEXT ? OpCode.TEXT : OpCode.BINARY;
                ByteBuffer payload = data.slice(data.position(), length);
                data.position(data.position() + length);
                first = false;
                // Extensions may transform the frame (compress it) into other frames, none larger than ours.
                extensions.outgoing(fin, opCode, payload, (f, rsv, o, p) -> {
                    transport.writeData(frame(f, rsv, o, p, p.remaining()), deadline);
                    written[0]++;
                });
            } while (data.hasRemaining());
        } catch (IOException e) {
            // Begun: frames of it are out, or a compressor has taken some of it in.
            if (continuation || written[0] > 0 || extensions.rsvBits() != 0) {
                throw new MessageCutShort(e);
            }
            throw e;
        }
    }

    /**
     * A send failed with its message begun (frames of it written, or in a compressor): the
     * message can never be finished, and a new one would break the framing (RFC 6455 §5.4), so
     * the session drops the connection — whatever the cause (a timeout, an interrupted wait).
     */
    static final class MessageCutShort extends IOException {
        private static final long serialVersionUID = 1L;

        MessageCutShort(IOException failure) {
            // A timeout stays the cause, as WebSocketSession documents for a send that timed out.
            super(failure.getMessage(), failure.getCause() instanceof TimeoutException ? failure.getCause() : failure);
        }
    }

    private void awaitTurn(long deadline) throws IOException {
        while (busy) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("Send timed out waiting for another message to finish",
                        new TimeoutException());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting to send", e);
            }
        }
    }

    private void endTurn() {
        synchronized (lock) {
            busy = false;
            partial = null;
            partialMessage = null;
            lock.notifyAll();
        }
    }

    /** A complete unmasked frame: header and a copy of {@code length} bytes taken from {@code data}. */
    static byte[] frame(boolean fin, OpCode opCode, ByteBuffer data, int length) {
        return frame(fin, 0, opCode, data, length);
    }

    /** A complete unmasked frame with RSV bits: header and a copy of {@code length} bytes taken from {@code data}. */
    static byte[] frame(boolean fin, int rsv, OpCode opCode, ByteBuffer data, int length) {
        ByteBuffer frame = ByteBuffer.allocate(FrameWriter.headerLength(length, false) + length);
        FrameWriter.writeHeader(frame, fin, rsv, opCode, length);
        ByteBuffer slice = data.slice();
        slice.limit(length);
        frame.put(slice);
        data.position(data.position() + length);
        return frame.array();
    }
}
