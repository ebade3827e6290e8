package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

/**
 * Hands the parts of one message from the engine's callback thread to a handler reading an
 * {@link InputStream} on another thread, as they arrive. At most one part waits beside the one
 * being read: {@link #offer} blocks while the slot is taken, which holds the engine's callback
 * and so pauses reading from the peer — the engine's read back-pressure reaches the stream.
 * If the reader stops (closes the stream, or its handler returns), later parts are dropped.
 */
final class PartPipe extends InputStream {

    private ByteBuffer reading = ByteBuffer.allocate(0);
    private ByteBuffer waiting;
    private boolean ended;
    private boolean readerGone;
    private IOException failure;

    /**
     * Adds a part; waits while the previous one has not been taken.
     *
     * @param part copied, so the caller may reuse it
     * @param last whether it ends the message
     */
    synchronized void offer(ByteBuffer part, boolean last) throws InterruptedException {
        while (waiting != null && !readerGone) {
            wait();
        }
        if (!readerGone && part.hasRemaining()) {
            waiting = ByteBuffer.allocate(part.remaining()).put(part).flip();
        }
        ended = last;
        notifyAll();
    }

    /** The message cannot be finished (the connection closed): the reader gets this exception. */
    synchronized void fail(IOException cause) {
        failure = cause;
        notifyAll();
    }

    /** The reader is done with the stream (it returned, or closed it): no part needs to wait any more. */
    synchronized void readerDone() {
        readerGone = true;
        waiting = null;
        notifyAll();
    }

    @Override
    public synchronized int read() throws IOException {
        if (!awaitBytes()) {
            return -1;
        }
        return reading.get() & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!awaitBytes()) {
            return -1;
        }
        int n = Math.min(len, reading.remaining());
        reading.get(b, off, n);
        return n;
    }

    @Override
    public synchronized int available() {
        return reading.remaining() + (waiting == null ? 0 : waiting.remaining());
    }

    @Override
    public void close() {
        readerDone();
    }

    /** @return whether bytes are ready in {@link #reading}; {@code false} at the end of the message */
    private boolean awaitBytes() throws IOException {
        while (!reading.hasRemaining()) {
            if (readerGone) {
                throw new IOException("The message stream is closed");
            }
            if (waiting != null) {
                reading = waiting;
                waiting = null;
                notifyAll(); // the slot is free
            } else if (failure != null) {
                throw failure;
            } else if (ended) {
                return false;
            } else {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for the rest of the message");
                }
            }
        }
        return true;
    }
}
