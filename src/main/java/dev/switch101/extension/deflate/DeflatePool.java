package dev.switch101.extension.deflate;

import java.util.ArrayDeque;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Idle raw-deflate compressors and decompressors of one application, shared by its connections:
 * a connection without context takeover borrows one for a message and gives it back at the
 * message's end, so an idle connection holds none. Each kind keeps at most {@code maxIdle}; one
 * given back beyond that, or after {@link #close()}, is ended at once (its native memory freed).
 *
 * <p>Thread-safe.
 */
public final class DeflatePool {

    private final int maxIdle;
    private final ArrayDeque<Deflater> deflaters = new ArrayDeque<>();
    private final ArrayDeque<Inflater> inflaters = new ArrayDeque<>();
    private boolean closed;

    /** @param maxIdle idle instances kept per kind */
    public DeflatePool(int maxIdle) {
        this.maxIdle = maxIdle;
    }

    /** A raw-deflate compressor (no zlib header, RFC 7692 §7.2.1) at {@code level}. */
    Deflater takeDeflater(int level) {
        Deflater deflater;
        synchronized (this) {
            deflater = deflaters.poll();
        }
        if (deflater == null) {
            return new Deflater(level, true);
        }
        deflater.setLevel(level);
        return deflater;
    }

    /** A raw-inflate decompressor; its 32 KiB window inflates data compressed with any smaller window. */
    Inflater takeInflater() {
        Inflater inflater;
        synchronized (this) {
            inflater = inflaters.poll();
        }
        return inflater != null ? inflater : new Inflater(true);
    }

    void giveBack(Deflater deflater) {
        deflater.reset();
        synchronized (this) {
            if (!closed && deflaters.size() < maxIdle) {
                deflaters.push(deflater);
                return;
            }
        }
        deflater.end();
    }

    void giveBack(Inflater inflater) {
        inflater.reset();
        synchronized (this) {
            if (!closed && inflaters.size() < maxIdle) {
                inflaters.push(inflater);
                return;
            }
        }
        inflater.end();
    }

    /** @return idle compressors plus idle decompressors held */
    public synchronized int idle() {
        return deflaters.size() + inflaters.size();
    }

    /** Ends every idle instance; instances given back later are ended too. */
    public void close() {
        ArrayDeque<Deflater> ds;
        ArrayDeque<Inflater> is;
        synchronized (this) {
            closed = true;
            ds = new ArrayDeque<>(deflaters);
            is = new ArrayDeque<>(inflaters);
            deflaters.clear();
            inflaters.clear();
        }
        ds.forEach(Deflater::end);
        is.forEach(Inflater::end);
    }
}
