package dev.switch101.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import dev.switch101.session.CoreSession;

/**
 * Reads a connection with non-blocking servlet input into one fixed buffer and passes the
 * bytes to the session. Reading stops when the session asks (its application has a backlog)
 * and restarts on {@link #demand()}, in the way the container allows
 * ({@link ReadResumption}): explicit demand, so a slow application slows its peer down
 * through TCP instead of growing memory.
 */
final class InboundReader implements ReadListener {

    private final ServletInputStream in;
    private final byte[] buffer;
    private final ReadResumption resumption;
    private CoreSession session;
    private boolean paused;
    private boolean finished;

    InboundReader(ServletInputStream in, int bufferSize, ReadResumption resumption) {
        this.in = in;
        this.buffer = new byte[bufferSize];
        this.resumption = resumption;
    }

    void bind(CoreSession session) {
        this.session = session;
    }

    @Override
    public void onDataAvailable() {
        read();
    }

    /** Resumes reading; called by the session from an application thread. */
    void demand() {
        synchronized (this) {
            paused = false;
        }
        if (resumption == ReadResumption.ON_APPLICATION_THREAD) {
            read();
        } else {
            // The next container callback reads; the pong to this ping makes sure one comes.
            session.solicitInput();
        }
    }

    // Container callbacks and demand() may overlap: one reader at a time.
    private synchronized void read() {
        try {
            while (!paused && !finished && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    finish();
                    session.onEndOfInput();
                    return;
                }
                if (n > 0 && !session.onBytes(ByteBuffer.wrap(buffer, 0, n))) {
                    paused = true;
                }
            }
        } catch (IOException | IllegalStateException e) {
            finish();
            session.onTransportError(e);
        }
    }

    @Override
    public void onAllDataRead() {
        finish();
        session.onEndOfInput();
    }

    @Override
    public void onError(Throwable t) {
        finish();
        session.onTransportError(t);
    }

    private synchronized void finish() {
        finished = true;
    }
}
