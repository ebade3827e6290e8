package dev.switch101.session;

import java.time.Duration;

/**
 * The clocks of the timeouts that end a peer which keeps its input unfinished: when the frame
 * now being received began (its first byte was read), and when the data message now being
 * received began. Each byte is traffic for the idle timeout, so without these a peer sending a
 * byte now and then inside a frame, or a small complete frame now and then inside a message,
 * would hold the connection, and what its message holds, for ever.
 *
 * <p>Written by the reading thread after each read; read by the session sweeper.
 */
final class InputClocks {

    private static final long NONE = Long.MIN_VALUE;

    private final Duration frameTimeout;
    private final Duration messageTimeout;
    private volatile long frameStartedAt = NONE;
    private volatile long messageStartedAt = NONE;

    /** @param limits whose frame and message timeouts apply (zero disables either) */
    InputClocks(Limits limits) {
        this.frameTimeout = limits.frameTimeout();
        this.messageTimeout = limits.messageTimeout();
    }

    /**
     * After a read at {@code now}: a frame, or a message, begins with the read that brings its
     * first byte, including a read that also ends the one before it.
     *
     * @param betweenFrames whether the read left no frame unfinished
     * @param frameEnded    whether a frame ended in this read
     * @param inMessage     whether the read left a data message unfinished
     * @param messageEnded  whether a data message ended in this read
     */
    void afterRead(long now, boolean betweenFrames, boolean frameEnded, boolean inMessage, boolean messageEnded) {
        if (betweenFrames) {
            frameStartedAt = NONE;
        } else if (frameStartedAt == NONE || frameEnded) {
            frameStartedAt = now;
        }
        if (!inMessage) {
            messageStartedAt = NONE;
        } else if (messageStartedAt == NONE || messageEnded) {
            messageStartedAt = now;
        }
    }

    /** Reading resumes after our own pause: the peer waited for us, so its clocks start again. */
    void restart(long now) {
        if (frameStartedAt != NONE) {
            frameStartedAt = now;
        }
        if (messageStartedAt != NONE) {
            messageStartedAt = now;
        }
    }

    /**
     * Which limit the unfinished input has overrun at {@code now}, if any.
     *
     * @return the reason to fail the connection with, or {@code null}
     */
    String overrun(long now) {
        if (isOver(frameStartedAt, frameTimeout, now)) {
            return "Frame not completed within " + frameTimeout.toMillis() + " ms";
        }
        if (isOver(messageStartedAt, messageTimeout, now)) {
            return "Message not completed within " + messageTimeout.toMillis() + " ms";
        }
        return null;
    }

    /** Whether a clock started at {@code start} (or {@code NONE}) has run past {@code limit} (zero: none). */
    private static boolean isOver(long start, Duration limit, long now) {
        return !limit.isZero() && start != NONE && now - start > limit.toNanos();
    }
}
