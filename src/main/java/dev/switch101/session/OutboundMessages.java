package dev.switch101.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;

/**
 * Orders outgoing data messages: a message, once started by a thread, is that thread's until
 * its last part, and sends from other threads wait their turn (instead of failing, as some
 * implementations do). Parts are cut into frames no larger than a fixed chunk so that no
 * single frame can overrun the bounded outbound queue.
 */
final class OutboundMessages {

    private final Transport transport;
    private final long sendTimeoutMillis;
    private final int maxFramePayload;

    private final Object lock = new Object();
    private Thread owner;
    private boolean continuation;

    OutboundMessages(Transport transport, Limits limits) {
        this.transport = transport;
        this.sendTimeoutMillis = limits.sendTimeout().toMillis();
        // Half the queue: a frame always fits once the queue has drained to half.
        this.maxFramePayload = Math.max(1024, Math.min(64 * 1024, limits.outboundQueueSize() / 2));
    }

    void sendPart(MessageType type, ByteBuffer part, boolean last) throws IOException {
        acquire();
        boolean done = false;
        try {
            ByteBuffer data = part.duplicate();
            do {
                int length = Math.min(data.remaining(), maxFramePayload);
                boolean fin = last && length == data.remaining();
                OpCode opCode = continuation ? OpCode.CONTINUATION
                        : type == MessageType.TEXT ? OpCode.TEXT : OpCode.BINARY;
                transport.writeData(frame(fin, opCode, data, length), sendTimeoutMillis);
                continuation = true;
            } while (data.hasRemaining());
            done = true;
        } finally {
            if (last || !done) {
                // A failed send leaves the message unfinishable: the session fails the
                // connection, and the turn passes on so that waiting senders see that.
                release();
            }
        }
    }

    private void acquire() throws IOException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis);
        synchronized (lock) {
            while (owner != null && owner != me) {
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
            if (owner == null) {
                owner = me;
                continuation = false;
            }
        }
    }

    private void release() {
        synchronized (lock) {
            owner = null;
            continuation = false;
            lock.notifyAll();
        }
    }

    /** A complete unmasked frame: header and a copy of {@code length} bytes taken from {@code data}. */
    static byte[] frame(boolean fin, OpCode opCode, ByteBuffer data, int length) {
        ByteBuffer frame = ByteBuffer.allocate(FrameWriter.headerLength(length, false) + length);
        FrameWriter.writeHeader(frame, fin, 0, opCode, length);
        ByteBuffer slice = data.slice();
        slice.limit(length);
        frame.put(slice);
        data.position(data.position() + length);
        return frame.array();
    }
}
