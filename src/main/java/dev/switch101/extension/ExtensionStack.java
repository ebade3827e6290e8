package dev.switch101.extension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;

/**
 * The negotiated extensions of one connection, in the order of the server's
 * {@code Sec-WebSocket-Extensions} answer, between the frame codec and the session.
 *
 * <p><b>Order.</b> Outgoing data passes the extensions in the answer's order, the first one
 * first; incoming frames pass them in the reverse order, so that each extension undoes on
 * receipt what its peer's counterpart did last on sending (RFC 6455 §9.1, RFC 7692 §5.1's
 * example of the order of transformations).
 *
 * <p><b>RSV bits.</b> {@link #rsvBits()} is the union of the bits the extensions own; the
 * parser fails a frame with any other RSV bit with 1002 (RFC 6455 §5.2). The negotiator has
 * made sure no two extensions own the same bit.
 *
 * <p>With no extensions the stack costs nothing: incoming frames go straight to the session and
 * outgoing frames straight to the wire.
 */
public final class ExtensionStack {

    private final List<FrameTransform> transforms;
    /** The incoming stages, nearest the application first. */
    private final List<IncomingStage> stages;
    private final FrameListener incoming;
    private final int rsvBits;

    /**
     * @param extensions  the negotiated extensions, in the answer's order
     * @param application where incoming frames end up, once every extension has seen them
     * @param context     the connection's sizes and back-pressure, given to each transform
     */
    public ExtensionStack(List<Extension> extensions, FrameListener application, TransformContext context) {
        Objects.requireNonNull(application, "application");
        List<FrameTransform> created = new ArrayList<>();
        List<IncomingStage> built = new ArrayList<>();
        FrameListener next = application;
        int bits = 0;
        for (Extension extension : extensions) {
            FrameTransform transform = extension.newTransform(context);
            created.add(transform);
            IncomingStage stage = transform.incoming(next);
            built.add(stage);
            next = stage;
            bits |= extension.rsvBits();
        }
        this.transforms = List.copyOf(created);
        this.stages = List.copyOf(built);
        this.incoming = next;
        this.rsvBits = bits;
    }

    /** @return the listener the frame parser reports to: the extension nearest the wire, or the application */
    public FrameListener incoming() {
        return incoming;
    }

    /** @return the RSV bits the extensions own, 0..7 */
    public int rsvBits() {
        return rsvBits;
    }

    /** @return whether a stage holds input it has not finished; the connection must not parse further input */
    public boolean isSuspended() {
        for (IncomingStage stage : stages) {
            if (stage.isSuspended()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Continues the suspended stages, nearest the application first, until one suspends again.
     *
     * @return whether no stage is suspended any more
     * @throws dev.switch101.frame.ProtocolException if the held input violates the protocol
     */
    public boolean resume() {
        for (IncomingStage stage : stages) {
            if (stage.isSuspended()) {
                stage.resume();
                if (stage.isSuspended()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Sends one outgoing data frame through the extensions, in order, to the wire.
     *
     * @param fin     whether the frame ends its message
     * @param opCode  TEXT, BINARY or CONTINUATION
     * @param payload the payload, consumed
     * @param wire    where the transformed frames go
     * @throws IOException if the wire or an extension fails
     */
    public void outgoing(boolean fin, OpCode opCode, ByteBuffer payload, OutgoingFrames wire) throws IOException {
        outgoingFrom(0, fin, 0, opCode, payload, wire);
    }

    private void outgoingFrom(int index, boolean fin, int rsv, OpCode opCode, ByteBuffer payload,
            OutgoingFrames wire) throws IOException {
        if (index == transforms.size()) {
            wire.frame(fin, rsv, opCode, payload);
            return;
        }
        transforms.get(index).outgoing(fin, rsv, opCode, payload,
                (f, r, o, p) -> outgoingFrom(index + 1, f, r, o, p, wire));
    }

    /** Releases every extension's resources; safe to call more than once and from any thread. */
    public void close() {
        for (FrameTransform transform : transforms) {
            transform.close();
        }
    }
}
