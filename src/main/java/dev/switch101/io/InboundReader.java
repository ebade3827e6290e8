package dev.switch101.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import dev.switch101.session.CoreSession;
import dev.switch101.session.ReadBuffers;

/**
 * Reads a connection with non-blocking servlet input and passes the bytes to the session, with
 * explicit demand: when the session answers "stop" (its application
 * has a backlog) reading stops, and {@link #demand()} restarts it in the way the container
 * allows ({@link ReadResumption}). A slow application so slows its peer down through TCP instead
 * of growing memory.
 *
 * <p>Where the container closes only in its callbacks ({@link ReadResumption#PARK_CALLBACK_THREAD},
 * Tomcat), a paused reader parks its callback thread until the application has caught up
 * ({@link #demand()}) or the connection was closed. The park is a wait on this object's
 * monitor, not a spin, and it holds one container thread per paused connection.
 *
 * <p>One thing a parked (or busy) callback must not hold up: Tomcat cannot dispatch the
 * socket's write event while one of its callbacks runs. So whenever the output waits for that
 * event ({@link #onOutputStalled()}), the reader returns after its current read, and the write
 * callback reads on ({@link #afterWriteCallback()}). Should the output stay stalled (the peer
 * reads nothing), Tomcat calls the reader again at once, since input is waiting: then it parks
 * for a while before it returns again, from 1 ms doubling up to {@value #MAX_STALL_PARK_MILLIS} ms,
 * so that a stalled peer costs a few wakeups a second and a write event is never held up longer.
 *
 * <p>A callback that returns while reading is paused cannot count on being called again: the
 * input it left may already wait in the container's own buffer (Tomcat fills it to decide that
 * input is ready), where no socket event announces it. So the {@link #demand()} that ends such a
 * pause has the container dispatch a read event ({@link UpgradedConnection#dispatchRead()}).
 *
 * <p>Where the application's thread reads too ({@link ReadResumption#APPLICATION_THREAD}), a
 * call that finds another thread reading may come just as that reader leaves: it was paused when
 * {@link #demand()} resumed it, or {@code isReady()} had just said no when the container
 * announced input. The leaving reader then reads on once more, so neither is lost.
 *
 * <p><b>Memory.</b> The read buffer is borrowed from the application's {@link ReadBuffers} when
 * there is input to read and given back before the reader returns or parks: a connection that
 * waits for its peer, or for its application to catch up, holds no read buffer. The session
 * handles each read before the buffer is read into again (it copies what it keeps), so a
 * buffer is free again as soon as the read has been handed over.
 */
final class InboundReader implements ReadListener, OutputStallListener {

    /** How long a parked reader sleeps between checks of its conditions; a safety net, not a poll. */
    private static final long PARK_SLICE_MILLIS = 1000;

    /** The longest a parked reader may hold up a write event while the output is stalled. */
    static final long MAX_STALL_PARK_MILLIS = 100;

    private final ServletInputStream in;
    private final ReadBuffers buffers;
    private final int bufferSize;
    private final ReadResumption resumption;
    private final UpgradedConnection connection;
    private final Executor ioThread;
    private CoreSession session;

    // Guarded by this.
    private boolean paused;
    /** Counts {@link #demand()} calls: a demand that overtakes the pause it answers must not be lost. */
    private long demands;
    private boolean finished;
    private boolean pumping;
    /** A pump came while another was reading (application-thread resumption): that one goes round again. */
    private boolean pumpAgain;
    /** A callback returned while reading was paused: the demand that ends the pause must call one back. */
    private boolean leftWhilePaused;
    /** The container must dispatch a write event before more can be written. */
    private boolean outputStalled;
    /** How long to park next while the output stays stalled; 0 until the reader first had to return. */
    private long stallParkMillis;

    InboundReader(ServletInputStream in, ReadBuffers buffers, int bufferSize, ReadResumption resumption,
            UpgradedConnection connection, Executor ioThread) {
        this.in = in;
        this.buffers = buffers;
        this.bufferSize = bufferSize;
        this.resumption = resumption;
        this.connection = connection;
        this.ioThread = ioThread;
    }

    void bind(CoreSession session) {
        this.session = session;
    }

    @Override
    public void onDataAvailable() {
        connection.inCallback(this::pump);
    }

    @Override
    public void onAllDataRead() {
        connection.inCallback(() -> {
            finish();
            session.onEndOfInput();
        });
    }

    @Override
    public void onError(Throwable t) {
        connection.inCallback(() -> {
            finish();
            session.onTransportError(t);
        });
    }

    /** Resumes reading once the application has caught up; called from an application thread. */
    void demand() {
        boolean callBack;
        synchronized (this) {
            paused = false;
            demands++;
            notifyAll();
            // With a callback in the reader now, that one reads on (a parked one wakes).
            callBack = leftWhilePaused && !pumping;
            leftWhilePaused = false;
        }
        switch (resumption) {
            case PARK_CALLBACK_THREAD -> {
                if (callBack) {
                    connection.dispatchRead();
                }
            }
            case CONTAINER_IO_THREAD -> ioThread.execute(() -> connection.inCallback(this::pump));
            case APPLICATION_THREAD -> pump();
        }
    }

    /** The output has to wait for the container's write event; a parked reader must let it through. */
    @Override
    public void onOutputStalled() {
        synchronized (this) {
            outputStalled = true;
            notifyAll();
        }
    }

    /** Wakes a parked reader (the connection was closed from another thread). */
    synchronized void wake() {
        notifyAll();
    }

    /**
     * The write event the output waited for has come. Told before the flusher writes, so that a
     * stall the flusher meets again in this event stands.
     */
    @Override
    public void onWriteEvent() {
        synchronized (this) {
            outputStalled = false;
            stallParkMillis = 0;
        }
    }

    /** A write callback has flushed: where reads happen only in callbacks, reading goes on here. */
    void afterWriteCallback() {
        if (resumption == ReadResumption.PARK_CALLBACK_THREAD) {
            pump();
        }
    }

    /** Reads while the container has input and the session takes it; one thread at a time. */
    private void pump() {
        synchronized (this) {
            if (pumping || finished) {
                // Elsewhere the thread reading now is the container's, which reads on by itself
                // (or is called back, see demand()); here it may be leaving already.
                if (pumping && resumption == ReadResumption.APPLICATION_THREAD) {
                    pumpAgain = true;
                }
                return;
            }
            pumping = true;
        }
        boolean again = true;
        try {
            while (again) {
                readWhileReady();
                again = goRoundAgainOrStop();
            }
        } finally {
            if (again) { // an unexpected exception escaped: stop, so that the next call can read
                stopPumping();
            }
        }
    }

    /** Whether a pump came while this one was leaving; if not, this one stops (under the lock). */
    private synchronized boolean goRoundAgainOrStop() {
        if (pumpAgain && !finished) {
            pumpAgain = false;
            return true;
        }
        stopPumping();
        return false;
    }

    private synchronized void stopPumping() {
        pumpAgain = false;
        pumping = false;
        leftWhilePaused = paused && !finished;
    }

    /** One pass of {@link #pump}: reads until the input, the session or the output says stop. */
    private void readWhileReady() {
        byte[] buffer = null;
        try {
            while (true) {
                if (isPaused()) {
                    // No buffer is held while waiting for the application.
                    buffer = giveBack(buffer);
                    if (!parkWhilePaused()) {
                        return;
                    }
                }
                if (isFinished() || connection.isClosed() || !in.isReady()) {
                    return; // the container calls onDataAvailable when there is more
                }
                if (buffer == null) {
                    buffer = buffers.acquire(bufferSize);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    finish();
                    session.onEndOfInput();
                    return;
                }
                long demandsBefore = demandsSoFar();
                if (n > 0 && !session.onBytes(ByteBuffer.wrap(buffer, 0, n))) {
                    synchronized (this) {
                        // The application may have caught up (and demanded) before we got here.
                        paused = demands == demandsBefore;
                    }
                }
                if (mustLetWriteEventIn()) {
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            finish();
            session.onTransportError(e);
        } finally {
            giveBack(buffer);
        }
    }

    /** Returns a borrowed buffer (if any) to the pool; always {@code null}, for the caller's variable. */
    private byte[] giveBack(byte[] buffer) {
        if (buffer != null) {
            buffers.release(buffer);
        }
        return null;
    }

    /** Where reads happen only in callbacks: whether the callback must return so the write event can run. */
    private synchronized boolean mustLetWriteEventIn() {
        return resumption == ReadResumption.PARK_CALLBACK_THREAD && outputStalled;
    }

    /**
     * Waits while paused, where the container allows it; {@code true} to read on, {@code false}
     * to return from the callback.
     */
    private boolean parkWhilePaused() {
        if (resumption != ReadResumption.PARK_CALLBACK_THREAD) {
            return false; // demand() starts reading again
        }
        synchronized (this) {
            if (outputStalled) {
                return parkWhileOutputStalled();
            }
            while (paused && !finished && !outputStalled && !connection.isClosed()) {
                try {
                    TimeUnit.MILLISECONDS.timedWait(this, PARK_SLICE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            // Stalled output: return so the container can dispatch the write event, whose
            // callback reads on. Closed: return so the container sees the closed streams.
            return !paused && !finished && !outputStalled && !connection.isClosed();
        }
    }

    /** Under the lock: the output waits for a write event that this callback would hold up. */
    private boolean parkWhileOutputStalled() {
        if (stallParkMillis == 0) {
            stallParkMillis = 1; // the write event may be waiting right now: let it in at once
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stallParkMillis);
        stallParkMillis = Math.min(2 * stallParkMillis, MAX_STALL_PARK_MILLIS);
        long left;
        while (paused && outputStalled && !finished && !connection.isClosed()
                && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !paused && !outputStalled && !finished && !connection.isClosed();
    }

    private synchronized long demandsSoFar() {
        return demands;
    }

    private synchronized boolean isPaused() {
        return paused;
    }

    private synchronized boolean isFinished() {
        return finished;
    }

    private synchronized void finish() {
        finished = true;
        notifyAll();
    }
}
