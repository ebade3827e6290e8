package dev.switch101.io;

/**
 * Told by the {@link OutboundFlusher}, under its lock, when its output begins and stops waiting
 * for the container's write event. Both are told under the same lock, so news of a stall can
 * never overtake the write event that ended it. Implementations must not call back into the
 * flusher.
 */
interface OutputStallListener {

    /** The output waits for the container's write event. */
    void onOutputStalled();

    /** The container's write event has come; the output may stall again within it. */
    void onWriteEvent();
}
