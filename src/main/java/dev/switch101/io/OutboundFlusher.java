package dev.switch101.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import dev.switch101.session.InlineCallbacks;

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
 *
 * <p>Whenever the container answers "not ready", the flusher says so ({@link OutputStallListener}):
 * only the container's write event moves the output on then, and a reader parked in a callback
 * of the same socket must return to let that event be dispatched.
 */
final class OutboundFlusher implements WriteListener {

    private static final System.Logger LOG = System.getLogger(OutboundFlusher.class.getName());

    /** Control frames allowed to wait at once; more means the peer pings without reading. */
    static final int MAX_PENDING_CONTROL = 32;

    private record Entry(byte[] bytes, boolean control) {
    }

    private final UpgradedConnection connection;
    private final ServletOutputStream out;
    private final long capacity;
    /** Bytes beyond the capacity that senders may queue without waiting while callbacks run inline. */
    private final long inlineOverflow;
    private final Runnable onWritten;
    private final Consumer<Throwable> onFailure;
    private final OutputStallListener stalls;

    /** Small to start with: an idle connection keeps it, and it grows when frames pile up. */
    private final ArrayDeque<Entry> queue = new ArrayDeque<>(2);
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
    /** Bytes were written since the last flush of the container's buffer. */
    private boolean unflushed;
    /** Callbacks run on a container thread this connection's write events need (see {@link #beginInline}). */
    private boolean inline;
    /** Close without flushing: the peer is gone or does not read. */
    private boolean aborting;
    private Throwable failure;

    /**
     * @param capacity  bytes of data frames queued before data senders wait
     * @param inlineOverflow bytes beyond the capacity that data senders may queue instead of
     *                  waiting, while callbacks run inline or when the sender is such a callback
     * @param onWritten runs after bytes went out (the connection is not idle)
     * @param onFailure told of a write failure
     * @param stalls    told when the output waits for the container's write event, and when it comes
     */
    OutboundFlusher(UpgradedConnection connection, ServletOutputStream out, long capacity, long inlineOverflow,
            Runnable onWritten, Consumer<Throwable> onFailure, OutputStallListener stalls) {
        this.connection = connection;
        this.out = out;
        this.capacity = capacity;
        this.inlineOverflow = inlineOverflow;
        this.onWritten = onWritten;
        this.onFailure = onFailure;
        this.stalls = stalls;
    }

    /**
     * Queues a data frame, waiting for room until {@code deadline} ({@link System#nanoTime()}),
     * and writes what the container takes — without flushing its buffer: the sender calls
     * {@link #flushWritten()} after its last frame.
     */
    void writeData(byte[] frame, long deadline) throws IOException {
        synchronized (this) {
            awaitRoom(frame.length, deadline);
            enqueue(frame, false);
            flush(false);
        }
        afterUnlock();
    }

    /**
     * Callbacks are about to run on a container thread that this connection's write events
     * need: until {@link #endInline()}, data senders do not wait (see {@link #awaitRoom}).
     *
     * @return {@code false}, changing nothing, if the queue is full
     */
    synchronized boolean beginInline() {
        if (queuedBytes >= capacity) {
            return false;
        }
        inline = true;
        notifyAll(); // a sender already waiting goes on: its turn may be what a callback waits for
        return true;
    }

    synchronized void endInline() {
        inline = false;
    }

    /** Pushes what was written out of the container's buffer (and writes what is still queued). */
    void flushWritten() {
        synchronized (this) {
            flush(true);
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
            flush(true);
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
            flush(true);
        }
        afterUnlock();
    }

    /** Closes the connection once the queue has been written. */
    void closeAfterFlush() {
        synchronized (this) {
            closeRequested = true;
            closeQueued = true;
            notifyAll();
            flush(true);
        }
        afterUnlock();
    }

    /** Closes the connection now, dropping the queue. */
    void abort() {
        synchronized (this) {
            queue.clear();
            queuedBytes = 0;
            queuedControl = 0;
            aborting = true;
            markClosed();
        }
        afterUnlock();
    }

    @Override
    public void onWritePossible() {
        synchronized (this) {
            // Under the lock, like a stall's report: a sender that met "not ready" just before
            // this event began reports it before this, or after this event's own flush.
            stalls.onWriteEvent();
            flush(true);
        }
        afterUnlock();
    }

    @Override
    public void onError(Throwable t) {
        abort();
        onFailure.accept(t);
    }

    /**
     * Waits until the queue has room for {@code length} bytes. A sender that is itself a callback
     * running inline, or any sender while this connection's callbacks run inline, does not wait
     * but queues up to {@link #inlineOverflow} bytes beyond the capacity: the room could only
     * come from a write event the inline callback holds up, and a sender holding the turn of a
     * message may be what that callback waits for. Past that bound the peer is not reading what
     * the callbacks send, and the send fails as if it had timed out.
     */
    private void awaitRoom(int length, long deadline) throws IOException {
        // An empty queue always takes one frame, so a frame larger than the capacity cannot wedge.
        while (!closed && !closeQueued && queuedBytes > 0 && queuedBytes + length > capacity) {
            if (inline || InlineCallbacks.onCurrentThread()) {
                if (queuedBytes + length <= capacity + inlineOverflow) {
                    break;
                }
                throw new IOException("Send failed: the peer is not reading what callbacks running inline send ("
                        + queuedBytes + " bytes queued)", new TimeoutException());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("Send timed out: the peer is not reading",
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

    /**
     * Writes while the container takes more, then, if {@code push}, flushes the container's
     * buffer (some containers, Tomcat among them, hold non-blocking writes there until a flush);
     * under the lock.
     */
    private void flush(boolean push) {
        if (closed) {
            return;
        }
        try {
            // isReady() before every write: the servlet contract for non-blocking output. When it
            // answers false, the container calls onWritePossible once the socket has drained.
            boolean ready = true;
            boolean wrote = false;
            while (!queue.isEmpty() && (ready = out.isReady())) {
                Entry entry = queue.poll();
                queuedBytes -= entry.bytes.length;
                if (entry.control) {
                    queuedControl--;
                }
                out.write(entry.bytes);
                wrote = true;
            }
            if (wrote) {
                unflushed = true;
                notifyAll();
                onWritten.run();
            }
            if (ready && (wrote || push && unflushed)) {
                // Asked after the last write too (and before a flush): what the socket could not
                // take waits in the container, which registers for the write event only when asked
                // (Tomcat), and a parked reader must hear of the stall to let that event in.
                ready = out.isReady();
            }
            if (push && unflushed && ready) {
                out.flush();
                unflushed = false;
                // A flush the socket cannot take at once goes on in the write event: ask again, so
                // that a stall is reported (OutputStallListener) rather than left to a reader that holds the event up.
                ready = out.isReady();
            }
            if (closeRequested && queue.isEmpty() && ready && (ready = out.isReady())) {
                markClosed();
            }
            if (!ready) {
                // Under the lock: a write event that has begun since cannot be overtaken by this
                // older news (onWritePossible).
                stalls.onOutputStalled();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "Write failed", e);
            queue.clear();
            failure = e;
            aborting = true;
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
        boolean abort;
        Throwable failed;
        synchronized (this) {
            close = mustClose;
            mustClose = false;
            abort = aborting;
            failed = failure;
            failure = null;
        }
        if (close && abort) {
            connection.abort();
        } else if (close) {
            connection.close();
        }
        if (failed != null) {
            onFailure.accept(failed);
        }
    }
}
