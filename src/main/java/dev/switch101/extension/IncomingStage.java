package dev.switch101.extension;

import dev.switch101.frame.FrameListener;

/**
 * One extension's place on the incoming path: it receives the frames of the stage nearer the wire
 * (as {@link FrameListener} events, payloads already unmasked) and passes frames, transformed or
 * not, to the stage nearer the application.
 *
 * <p><b>Suspension.</b> A stage that produces more than it receives (inflation) must not outrun
 * the application: when {@link TransformContext#backlogged()} turns true it keeps what it has not
 * processed yet (a copy: the events' buffers are only valid during the call), calls
 * {@link TransformContext#suspend()}, and reports {@link #isSuspended()}. The connection then
 * delivers nothing more except, possibly, the {@link #onFrameEnd()} of the frame being processed,
 * which the stage must defer; once the application has caught up it calls {@link #resume()}.
 */
public interface IncomingStage extends FrameListener {

    /**
     * @return whether the stage holds input it has not finished; {@link #resume()} continues it
     */
    default boolean isSuspended() {
        return false;
    }

    /**
     * Continues the input held when the stage suspended itself; it may suspend again.
     *
     * @throws dev.switch101.frame.ProtocolException if the held input violates the protocol
     */
    default void resume() {
    }
}
