package dev.switch101.examples;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Outgoing messages for one peer: at most one send in flight, at most {@code capacity} more
 * waiting behind it, in order. A message offered when the queue is full means the peer cannot
 * keep up: the outbox closes (drops what waits, refuses what comes) and calls its overflow
 * action once, so one slow peer costs the others nothing but a bounded queue.
 *
 * <p>Thread-safe: offers come from whichever thread broadcasts, completions from the
 * container's send threads. Sends are started outside the lock. A transport that completes
 * synchronously makes the next send from inside the completion: nesting is bounded by the
 * capacity.
 *
 * @param <T> the message type
 */
public final class BoundedOutbox<T> {

    /** Starts one asynchronous send; calls {@code done} once with {@code null} or the failure. */
    @FunctionalInterface
    public interface Transport<T> {
        void send(T message, Consumer<Throwable> done);
    }

    /** What ended an outbox. */
    public enum Ending {
        /** A message came while {@code capacity} were already waiting. */
        OVERFLOW,
        /** A send failed (the connection is gone). */
        SEND_FAILED
    }

    private final int capacity;
    private final Transport<T> transport;
    private final Consumer<Ending> onEnd;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    /**
     * @param capacity messages that may wait behind the one in flight (at least 1)
     * @param transport starts a send
     * @param onEnd called once, outside the lock, when the outbox ends by itself (not by {@link #close})
     */
    public BoundedOutbox(int capacity, Transport<T> transport, Consumer<Ending> onEnd) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.transport = Objects.requireNonNull(transport);
        this.onEnd = Objects.requireNonNull(onEnd);
    }

    /** @return whether the message was accepted (sent or queued) */
    public boolean offer(T message) {
        Objects.requireNonNull(message);
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return false;
            }
            overflow = sending && waiting.size() >= capacity;
            if (overflow) {
                closeLocked();
            } else if (sending) {
                waiting.add(message);
                return true;
            } else {
                sending = true;
            }
        }
        if (overflow) {
            onEnd.accept(Ending.OVERFLOW);
            return false;
        }
        transport.send(message, this::sent);
        return true;
    }

    private void sent(Throwable failure) {
        T next;
        synchronized (this) {
            if (closed) {
                sending = false;
                return;
            }
            if (failure != null) {
                closeLocked();
                next = null;
            } else {
                next = waiting.poll();
                sending = next != null;
                if (next == null) {
                    return;
                }
            }
        }
        if (next == null) {
            onEnd.accept(Ending.SEND_FAILED);
            return;
        }
        transport.send(next, this::sent);
    }

    /** Drops what waits and refuses further messages; the send in flight, if any, goes on. */
    public synchronized void close() {
        closeLocked();
    }

    private void closeLocked() {
        closed = true;
        waiting.clear();
    }

    /** @return messages waiting behind the one in flight */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** @return whether nothing is being sent or waiting (a droppable message can go at once) */
    public synchronized boolean isIdle() {
        return !sending && waiting.isEmpty();
    }

    /** @return whether the outbox still accepts messages */
    public synchronized boolean isOpen() {
        return !closed;
    }
}
