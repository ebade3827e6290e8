package dev.switch101.session;

import java.util.ArrayDeque;

/**
 * The read buffers of one application's connections: a connection borrows one only while it
 * reads and gives it back before it waits for more input, so an idle connection holds none.
 * Up to {@code capacity} returned buffers are kept for the next reader (bounded: at most
 * {@code capacity × bufferSize} bytes stay allocated); beyond that, and for sizes other than
 * the pool's, a buffer is allocated for the read and left to the garbage collector.
 *
 * <p>A borrowed buffer is used by one reader at a time and only between {@code [0, n)} of what
 * that reader read into it, so bytes left from another connection are never seen. Nothing may
 * keep a view of it after the read is handled (the session copies what the handler keeps).
 *
 * <p>Thread-safe; the lock is held for a push or a pop only.
 */
public final class ReadBuffers {

    /** Buffers kept for reuse by default: enough for every I/O thread of a busy server to read at once. */
    public static final int DEFAULT_CAPACITY = 64;

    private final int bufferSize;
    private final int capacity;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    /**
     * @param bufferSize the size of the buffers kept
     * @param capacity   how many returned buffers are kept at most; 0 allocates for every read
     */
    public ReadBuffers(int bufferSize, int capacity) {
        if (bufferSize < 1 || capacity < 0) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + ", capacity " + capacity);
        }
        this.bufferSize = bufferSize;
        this.capacity = capacity;
    }

    /** A buffer of exactly {@code size} bytes: a kept one if there is one, else a new one. */
    public byte[] acquire(int size) {
        if (size == bufferSize) {
            synchronized (free) {
                byte[] kept = free.pollFirst();
                if (kept != null) {
                    return kept;
                }
            }
        }
        return new byte[size];
    }

    /** Gives a buffer back; it is kept if it has the pool's size and the pool has room. */
    public void release(byte[] buffer) {
        if (buffer.length != bufferSize) {
            return;
        }
        synchronized (free) {
            if (free.size() < capacity) {
                free.addFirst(buffer); // the most recently used first: likelier in a CPU cache
            }
        }
    }

    /** How many buffers are kept for reuse right now. */
    public int kept() {
        synchronized (free) {
            return free.size();
        }
    }
}
