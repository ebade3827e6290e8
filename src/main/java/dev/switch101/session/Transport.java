package dev.switch101.session;

import java.io.IOException;

/**
 * The byte pipe under a session, implemented by the servlet adapter ({@code dev.switch101.io}).
 * Frames arrive here fully formed; the transport only queues, writes and closes.
 *
 * <p>Implementations may call back into the session synchronously (a container closing the
 * connection runs its listeners at once), so the session never calls a transport method
 * while it holds its own lock.
 */
public interface Transport {

    /**
     * Queues a data frame. Waits while the outbound queue is full, until {@code deadline} (a
     * {@link System#nanoTime()} value: the send timeout counts per message, not per frame).
     * On a container thread running callbacks inline it never waits: the container cannot
     * deliver the write event it would wait for, so the frame is kept beyond the queue's
     * capacity, up to a bound past which the send fails. What is written may wait in the container's
     * buffer until {@link #flush()}: the sender flushes after its last frame.
     *
     * @throws IOException if the connection is closed, or (caused by a TimeoutException) the wait timed out
     */
    void writeData(byte[] frame, long deadline) throws IOException;

    /**
     * Pushes the data frames written so far out of the container's buffer. Separate from
     * {@link #writeData} so that the frames of a message, and the replies to messages already
     * waiting behind each other, go out in one write instead of one per frame.
     */
    void flush();

    /**
     * Queues a control frame without waiting: control frames are small and few, and are
     * sent from I/O threads (a pong, a close). Returns {@code false} if too many control
     * frames are already waiting for a peer that does not read.
     */
    boolean writeControl(byte[] frame);

    /**
     * Queues the close frame without waiting. Nothing is sent after it: later frames, data or
     * control, from any thread, are refused (data) or dropped (control).
     */
    void writeClose(byte[] frame);

    /** Closes the TCP connection once everything queued so far has been written. */
    void closeAfterFlush();

    /** Closes the TCP connection now, dropping anything queued. */
    void abort();

    /**
     * Handler callbacks are about to run on the thread that read their input, a container thread
     * whose write events the transport needs: until {@link #endInline()}, data writes from any
     * thread keep their frames beyond the queue's capacity (up to a bound) instead of waiting for
     * room that could only come after the callbacks return.
     *
     * @return {@code false} if the queue is full: the callbacks should run on the executor, where
     *         a send may wait, so that a peer that does not read slows the application down
     */
    default boolean beginInline() {
        return true;
    }

    /** The callbacks begun with {@link #beginInline()} have returned; writes wait for room again. */
    default void endInline() {
    }

    /** Resumes reading after the session paused it to let the application catch up. */
    void demand();
}
