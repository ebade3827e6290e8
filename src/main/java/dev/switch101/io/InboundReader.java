package dev.switch101.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import dev.switch101.session.CoreSession;

/**
 * Reads a connection with non-blocking servlet input into one fixed buffer and passes the
 * bytes to the session. Reading stops when the session asks (its application has data to
 * catch up on) and starts again on {@link #demand()}: explicit demand, so a slow
 * application slows the peer down through TCP instead of growing memory.
 */
final class InboundReader implements ReadListener {

    private final ServletInputStream in;
    private final byte[] buffer;
    private CoreSession session;
    private boolean paused;
    private boolean finished;

    InboundReader(ServletInputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
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
        read();
    }

    // Container callbacks and demand() from application threads may overlap: one reader at a time.
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
