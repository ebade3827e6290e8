package dev.switch101.extension;

import java.io.IOException;
import java.nio.ByteBuffer;

import dev.switch101.frame.OpCode;

/** The next stage towards the wire for outgoing data frames. */
@FunctionalInterface
public interface OutgoingFrames {

    /**
     * Sends one data frame on.
     *
     * @param fin     the FIN bit
     * @param rsv     the RSV bits, 0..7 (RSV1 = 4)
     * @param opCode  TEXT, BINARY or CONTINUATION
     * @param payload the payload; consumed (or copied) before the call returns
     * @throws IOException if the connection cannot take it (closed, or the send timed out)
     */
    void frame(boolean fin, int rsv, OpCode opCode, ByteBuffer payload) throws IOException;
}
