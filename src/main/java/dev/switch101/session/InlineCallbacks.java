package dev.switch101.session;

/**
 * Marks the threads that run handler callbacks inline, on the container thread that read the
 * message (the {@code dev.switch101.inlineCallbacks} setting). Such a thread must never wait
 * for room in an outbound queue: the container cannot deliver a write event to its own
 * connection until the callback returns, and on an event-loop container other connections
 * share the thread. So a transport asked to write from one of these threads keeps the frame
 * beyond its queue's capacity, up to a bound, instead of waiting.
 */
public final class InlineCallbacks {

    private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();

    private InlineCallbacks() {
    }

    /** Whether the calling thread is running handler callbacks inline on a container thread. */
    public static boolean onCurrentThread() {
        return INLINE.get() != null;
    }

    /** Marks the calling thread; returns whether it was marked already (then {@link #exit} must not unmark it). */
    static boolean enter() {
        if (INLINE.get() != null) {
            return true;
        }
        INLINE.set(Boolean.TRUE);
        return false;
    }

    static void exit(boolean wasInline) {
        if (!wasInline) {
            INLINE.remove();
        }
    }
}
