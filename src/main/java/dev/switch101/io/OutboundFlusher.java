package dev.switch101.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;

/**
 * The one way out of a connection: a FIFO of complete frames, bounded in bytes, written with
 * non-blocking servlet output whenever the container says it can take more.
 *
 * <p>Data senders (application threads) wait while the queue is full, up to their send
 * timeout: a slow reader slows its senders down instead of growing memory. Control frames
 * (pongs, close) never wait — they are sent from I/O threads — and are bounded by count.
 * Frames are never split or interleaved: each is written whole, in queue order.
 */
final class OutboundFlusher implements WriteListener {

    private static final System.Logger LOG = System.getLogger(OutboundFlusher.class.getName());

    /** Control frames allowed to wait at once; more means the peer pings without reading. */
    static final int MAX_PENDING_CONTROL = 32;

    private record Entry(byte[] bytes, boolean control) {
    }

    private final WebConnection connection;
    private final ServletOutputStream out;
    private final long capacity;
    private final Runnable onWritten;
    private final Consumer<Throwable> onFailure;

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long queuedBytes;
    private int queuedControl;
    private boolean closeRequested;
    private boolean closed;

    OutboundFlusher(WebConnection connection, ServletOutputStream out, long capacity, Runnable onWritten,
            Consumer<Throwable> onFailure) {
        this.connection = connection;
        this.out = out;
        this.capacity = capacity;
        this.onWritten = onWritten;
        this.onFailure = onFailure;
    }

    /** Queues a data frame, waiting up to {@code timeoutMillis} for room. */
    void writeData(byte[] frame, long timeoutMillis) throws IOException {
        Throwable failure;
        synchronized (this) {
            awaitRoom(frame.length, timeoutMillis);
            queue.add(new Entry(frame, false));
            queuedBytes += frame.length;
            failure = flush();
        }
        report(failure);
    }

    private void awaitRoom(int length, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        // An empty queue always takes one frame, so a frame larger than the capacity cannot wedge.
        while (!closed && !closeRequested && queuedBytes > 0 && queuedBytes + length > capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("Send timed out after " + timeoutMillis + " ms: the peer is not reading",
                        new TimeoutException());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting to send", e);
            }
        }
        if (closed || closeRequested) {
            throw new IOException("The WebSocket connection is closed");
        }
    }

    /** Queues a control frame without waiting; {@code false} if too many are already waiting. */
    boolean writeControl(byte[] frame) {
        Throwable failure;
        synchronized (this) {
            if (closed || closeRequested) {
                return true; // nothing more goes out; dropping it is the only thing to do
            }
            if (queuedControl >= MAX_PENDING_CONTROL) {
                return false;
            }
            queue.add(new Entry(frame, true));
            queuedControl++;
            queuedBytes += frame.length;
            failure = flush();
        }
        report(failure);
        return true;
    }

    /** Closes the connection once the queue has been written. */
    void closeAfterFlush() {
        Throwable failure;
        synchronized (this) {
            closeRequested = true;
            notifyAll();
            failure = flush();
        }
        report(failure);
    }

    /** Closes the connection now, dropping the queue. */
    synchronized void abort() {
        queue.clear();
        queuedBytes = 0;
        queuedControl = 0;
        closeConnection();
    }

    @Override
    public void onWritePossible() {
        Throwable failure;
        synchronized (this) {
            failure = flush();
        }
        report(failure);
    }

    @Override
    public void onError(Throwable t) {
        abort();
        onFailure.accept(t);
    }

    /**
     * Writes while the container takes more. Runs under this object's lock; a failure is
     * returned, not reported, so that the session is told only after the lock is released
     * (the session calls in here under its own lock: the lock order is session, then flusher).
     */
    private Throwable flush() {
        if (closed) {
            return null;
        }
        try {
            boolean wrote = false;
            // isReady() before every write: the servlet contract for non-blocking output. When it
            // answers false, the container calls onWritePossible once the socket has drained.
            while (!queue.isEmpty() && out.isReady()) {
                Entry entry = queue.poll();
                queuedBytes -= entry.bytes.length;
                if (entry.control) {
                    queuedControl--;
                }
                out.write(entry.bytes);
                wrote = true;
            }
            if (wrote) {
                notifyAll();
                onWritten.run();
                if (out.isReady()) {
                    out.flush();
                }
            }
            if (closeRequested && queue.isEmpty() && out.isReady()) {
                closeConnection();
            }
            return null;
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "Write failed", e);
            abort();
            return e;
        }
    }

    private void report(Throwable failure) {
        if (failure != null) {
            onFailure.accept(failure);
        }
    }

    private void closeConnection() {
        if (closed) {
            return;
        }
        closed = true;
        notifyAll();
        try {
            connection.close();
        } catch (Exception e) {
            // The peer may have gone already; the connection is finished either way.
            LOG.log(Level.DEBUG, "Closing the connection failed", e);
        }
    }
}
