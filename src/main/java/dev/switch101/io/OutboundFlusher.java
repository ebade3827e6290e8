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
 * Frames are never split or interleaved; once a close frame is queued nothing more is taken
 * (RFC 6455 §5.5.1), whichever thread tries.
 *
 * <p>Locking: the queue and the stream are used under this object's lock, but nothing that
 * can call back into the container's connection handling (closing the connection, reporting
 * a failure to the session) is done while holding it — containers run close listeners
 * synchronously, and those reach the session, which must be free to call in here.
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
    /** A close frame is queued: nothing may follow it. */
    private boolean closeQueued;
    /** Close the connection once the queue is written. */
    private boolean closeRequested;
    /** The connection is (being) closed: nothing more is written. */
    private boolean closed;
    /** Work for the caller to do once the lock is released. */
    private boolean mustClose;
    private Throwable failure;

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
        synchronized (this) {
            awaitRoom(frame.length, timeoutMillis);
            enqueue(frame, false);
            flush();
        }
        afterUnlock();
    }

    /** Queues a control frame without waiting; {@code false} if too many are already waiting. */
    boolean writeControl(byte[] frame) {
        synchronized (this) {
            if (closeQueued || closed) {
                return true; // nothing may follow a close frame: dropping it is all there is to do
            }
            if (queuedControl >= MAX_PENDING_CONTROL) {
                return false;
            }
            enqueue(frame, true);
            flush();
        }
        afterUnlock();
        return true;
    }

    /** Queues the close frame: the last frame this connection sends. A second one is dropped. */
    void writeClose(byte[] frame) {
        synchronized (this) {
            if (closeQueued || closed) {
                return;
            }
            enqueue(frame, true);
            closeQueued = true;
            notifyAll(); // waiting data senders give up now
            flush();
        }
        afterUnlock();
    }

    /** Closes the connection once the queue has been written. */
    void closeAfterFlush() {
        synchronized (this) {
            closeRequested = true;
            closeQueued = true;
            notifyAll();
            flush();
        }
        afterUnlock();
    }

    /** Closes the connection now, dropping the queue. */
    void abort() {
        synchronized (this) {
            queue.clear();
            queuedBytes = 0;
            queuedControl = 0;
            markClosed();
        }
        afterUnlock();
    }

    @Override
    public void onWritePossible() {
        synchronized (this) {
            flush();
        }
        afterUnlock();
    }

    @Override
    public void onError(Throwable t) {
        abort();
        onFailure.accept(t);
    }

    private void awaitRoom(int length, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        // An empty queue always takes one frame, so a frame larger than the capacity cannot wedge.
        while (!closed && !closeQueued && queuedBytes > 0 && queuedBytes + length > capacity) {
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
        if (closed || closeQueued) {
            throw new IOException("The WebSocket connection is closed");
        }
    }

    private void enqueue(byte[] frame, boolean control) {
        queue.add(new Entry(frame, control));
        queuedBytes += frame.length;
        if (control) {
            queuedControl++;
        }
    }

    /** Writes while the container takes more; under the lock. */
    private void flush() {
        if (closed) {
            return;
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
                // Some containers (Tomcat) hold non-blocking writes in a buffer until a flush.
                if (out.isReady()) {
                    out.flush();
                }
            }
            if (closeRequested && queue.isEmpty() && out.isReady()) {
                markClosed();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "Write failed", e);
            queue.clear();
            failure = e;
            markClosed();
        }
    }

    private void markClosed() {
        if (!closed) {
            closed = true;
            mustClose = true;
            notifyAll();
        }
    }

    /** Does what {@link #flush} decided, now that the lock is released. */
    private void afterUnlock() {
        boolean close;
        Throwable failed;
        synchronized (this) {
            close = mustClose;
            mustClose = false;
            failed = failure;
            failure = null;
        }
        if (close) {
            try {
                connection.close();
            } catch (Exception e) {
                // The peer may have gone already; the connection is finished either way.
                LOG.log(Level.DEBUG, "Closing the connection failed", e);
            }
        }
        if (failed != null) {
            onFailure.accept(failed);
        }
    }
}
