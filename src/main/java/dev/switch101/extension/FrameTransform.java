package dev.switch101.extension;

import java.io.IOException;
import java.nio.ByteBuffer;

import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;

/**
 * A negotiated extension at work on one connection: it transforms incoming frames through its
 * {@link IncomingStage} and outgoing data frames through {@link #outgoing}, and holds the
 * connection's resources for the extension (e.g. a compressor) until {@link #close()}.
 *
 * <p>Incoming events come from one thread at a time; outgoing frames come from one sender at a
 * time, in message order (the session orders messages); {@link #close()} may come from any
 * thread, also while the other two are at work, and must then release what is not in use and
 * let the user release the rest.
 */
public interface FrameTransform {

    /** A transform that changes nothing and holds nothing. */
    FrameTransform PASS_THROUGH = new FrameTransform() {
        @Override
        public IncomingStage incoming(FrameListener next) {
            return new IncomingStage() {
                @Override
                public void onFrameHeader(FrameHeader header) {
                    next.onFrameHeader(header);
                }

                @Override
                public void onPayload(ByteBuffer chunk) {
                    next.onPayload(chunk);
                }

                @Override
                public void onFrameEnd() {
                    next.onFrameEnd();
                }
            };
        }

        @Override
        public void outgoing(boolean fin, int rsv, OpCode opCode, ByteBuffer payload, OutgoingFrames next)
                throws IOException {
            next.frame(fin, rsv, opCode, payload);
        }

        @Override
        public void close() {
        }
    };

    /**
     * Builds this transform's incoming stage; called once.
     *
     * @param next the stage nearer the application
     * @return the stage that receives the frames from the wire side
     */
    IncomingStage incoming(FrameListener next);

    /**
     * Transforms one outgoing data frame. The session cuts messages into frames: the first frame
     * of a message has opcode TEXT or BINARY, the others CONTINUATION, the last one FIN.
     *
     * @param fin     whether this frame ends the message
     * @param rsv     the RSV bits set by the extensions before this one
     * @param opCode  TEXT, BINARY or CONTINUATION
     * @param payload the frame's payload, consumed by the call
     * @param next    the stage towards the wire
     * @throws IOException if {@code next} fails, or the transform was closed
     */
    void outgoing(boolean fin, int rsv, OpCode opCode, ByteBuffer payload, OutgoingFrames next) throws IOException;

    /** The connection is gone: releases everything (native memory included), now or when its user is done. */
    void close();
}
