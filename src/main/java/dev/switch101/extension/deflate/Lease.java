package dev.switch101.extension.deflate;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One connection's hold on a compressor or decompressor: taken from the pool when first needed,
 * kept between uses while the context must survive (context takeover, or a message in
 * progress), given back otherwise, and always ended once the connection is closed — at once if
 * it is not in use, else by the user's {@link #release} — so that native memory is never
 * left to the garbage collector.
 *
 * @param <T> {@link java.util.zip.Deflater} or {@link java.util.zip.Inflater}
 */
final class Lease<T> {

    private final Supplier<T> take;
    private final Consumer<T> giveBack;
    private final Consumer<T> end;

    private T held;
    private boolean inUse;
    private boolean closed;

    Lease(Supplier<T> take, Consumer<T> giveBack, Consumer<T> end) {
        this.take = take;
        this.giveBack = giveBack;
        this.end = end;
    }

    /** @return the instance to use until {@link #release}, or {@code null} once the connection is closed */
    synchronized T acquire() {
        if (closed) {
            return null;
        }
        if (held == null) {
            held = take.get();
        }
        inUse = true;
        return held;
    }

    /**
     * The use is over.
     *
     * @param keep whether the instance's context must survive until the next use
     */
    void release(boolean keep) {
        T ended = null;
        T returned = null;
        synchronized (this) {
            inUse = false;
            if (held == null) {
                return;
            }
            if (closed) {
                ended = held;
                held = null;
            } else if (!keep) {
                returned = held;
                held = null;
            }
        }
        if (ended != null) {
            end.accept(ended);
        } else if (returned != null) {
            giveBack.accept(returned);
        }
    }

    /** Ends the instance now, or, if it is in use, when its user releases it. */
    void close() {
        T ended = null;
        synchronized (this) {
            closed = true;
            if (!inUse && held != null) {
                ended = held;
                held = null;
            }
        }
        if (ended != null) {
            end.accept(ended);
        }
    }
}
