package dev.switch101.extension;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What an extension may know of and ask from the connection it works on.
 *
 * @param incomingPartSize  the largest frame payload an incoming stage should produce at a time:
 *                          the size of the parts the application receives
 * @param outgoingFrameSize the largest frame payload an outgoing transform should produce
 * @param backlogged        whether the application is behind on its input; a stage that produces
 *                          more than it was given (inflation) stops producing while this is true
 * @param suspend           asks the connection to stop delivering input behind the current event:
 *                          called by a stage that keeps input it could not finish (see
 *                          {@link IncomingStage#isSuspended()})
 */
public record TransformContext(int incomingPartSize, int outgoingFrameSize, BooleanSupplier backlogged,
        Runnable suspend) {

    /** Checks the sizes. */
    public TransformContext {
        if (incomingPartSize < 1 || outgoingFrameSize < 64) {
            throw new IllegalArgumentException("Sizes too small: " + incomingPartSize + ", " + outgoingFrameSize);
        }
        Objects.requireNonNull(backlogged, "backlogged");
        Objects.requireNonNull(suspend, "suspend");
    }
}
