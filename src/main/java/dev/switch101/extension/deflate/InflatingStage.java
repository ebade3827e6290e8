package dev.switch101.extension.deflate;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import dev.switch101.extension.IncomingStage;
import dev.switch101.extension.TransformContext;
import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;

/**
 * The incoming side of permessage-deflate (RFC 7692 §6, §7.2.2). A message whose first frame has
 * RSV1 set is compressed: its frames' payloads are one DEFLATE stream, to which the receiver
 * appends {@code 00 00 ff ff} at the message's end. RSV1 on a continuation or a control frame
 * fails the connection with 1002; messages without RSV1 pass through untouched.
 *
 * <p><b>Bounded output.</b> The inflated data goes on as frames of at most
 * {@link TransformContext#incomingPartSize()} bytes with their exact lengths, so the session applies
 * the message size limit to the inflated size before it delivers a byte (a decompression bomb
 * ends with 1009 after at most the limit). Between two such frames the stage checks
 * {@link TransformContext#backlogged()}: while the application is behind, it stops, keeps a copy of
 * the compressed bytes it has not inflated yet (at most one read), and {@link #resume()} goes on
 * later. So a small frame that inflates to a lot of data is never held in memory at once.
 *
 * <p>Invalid compressed data fails the connection with 1007 (the payload is not what the message
 * claims to be). The decompressor is held from a compressed message's first frame to its last;
 * without client context takeover it then goes back to the pool.
 */
final class InflatingStage implements IncomingStage {

    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    /** What the current frame is, for the stage. */
    private enum Current { PASS, COMPRESSED }

    /** Where a compressed message is. */
    private enum Phase { DATA, TAIL }

    private final FrameListener next;
    private final Lease<Inflater> lease;
    private final boolean contextTakeover;
    private final TransformContext context;

    private Current current = Current.PASS;
    private boolean messageCompressed;
    private boolean wireFin;
    private OpCode nextOpCode;
    private Phase phase = Phase.DATA;

    /** Inflated bytes not yet passed on; allocated per compressed message. */
    private byte[] out;
    private int outFill;

    private boolean suspended;
    /** The frame's end arrived while suspended. */
    private boolean frameEndPending;
    /** The inflater's input when it is a view of the caller's buffer, which must be copied before returning. */
    private ByteBuffer borrowedInput;
    /** The inflater's input when it is our own: the tail, or a copy of what a suspension left. */
    private byte[] ownInput;

    InflatingStage(FrameListener next, Lease<Inflater> lease, boolean contextTakeover, TransformContext context) {
        this.next = next;
        this.lease = lease;
        this.contextTakeover = contextTakeover;
        this.context = context;
    }

    @Override
    public void onFrameHeader(FrameHeader header) {
        boolean rsv1 = (header.rsv() & FrameHeader.RSV1) != 0;
        OpCode opCode = header.opCode();
        if (rsv1 && opCode.isControl()) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR, "RSV1 set on a control frame (RFC 7692 §6.1)");
        }
        if (rsv1 && opCode == OpCode.CONTINUATION) {
            throw new ProtocolException(CloseCodes.PROTOCOL_ERROR,
                    "RSV1 set on a continuation frame (RFC 7692 §6.1)");
        }
        if (opCode == OpCode.TEXT || opCode == OpCode.BINARY) {
            messageCompressed = rsv1;
            if (rsv1) {
                nextOpCode = opCode;
                phase = Phase.DATA;
                out = new byte[context.incomingPartSize()];
                outFill = 0;
            }
        }
        if (opCode.isControl() || !messageCompressed) {
            current = Current.PASS;
            next.onFrameHeader(rsv1 ? withoutRsv1(header) : header);
            return;
        }
        current = Current.COMPRESSED;
        wireFin = header.fin();
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        if (current == Current.PASS) {
            next.onPayload(chunk);
            return;
        }
        Inflater inflater = lease.acquire();
        if (inflater == null) {
            return; // the connection is closed: nothing more reaches the application
        }
        try {
            inflater.setInput(chunk);
            borrowedInput = chunk;
            ownInput = null;
            inflate(inflater);
        } finally {
            keepHeldInput(inflater);
            lease.release(true);
        }
    }

    @Override
    public void onFrameEnd() {
        if (current == Current.PASS) {
            next.onFrameEnd();
        } else if (suspended) {
            frameEndPending = true;
        } else {
            endCompressedFrame();
        }
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void resume() {
        suspended = false;
        if (out == null) {
            return; // suspended right after a message's last part: nothing was held
        }
        Inflater inflater = lease.acquire();
        if (inflater == null) {
            return;
        }
        try {
            if (!inflate(inflater)) {
                return;
            }
        } finally {
            lease.release(true);
        }
        if (phase == Phase.TAIL) {
            finishMessage();
        } else if (frameEndPending) {
            frameEndPending = false;
            endCompressedFrame();
        }
    }

    /** A compressed wire frame ended: at the message's end, the tail goes in and the rest comes out. */
    private void endCompressedFrame() {
        if (!wireFin) {
            // Pass on what this frame gave, so the application sees data as its peer flushes it.
            if (outFill > 0) {
                emit(false);
                suspendIfBacklogged();
            }
            return;
        }
        Inflater inflater = lease.acquire();
        if (inflater == null) {
            return;
        }
        phase = Phase.TAIL;
        boolean finished;
        try {
            setOwnInput(inflater, TAIL.clone()); // §7.2.2: the receiver appends 00 00 ff ff
            finished = inflate(inflater);
        } finally {
            lease.release(true);
        }
        if (finished) {
            finishMessage();
        }
    }

    private void finishMessage() {
        emit(true);
        out = null;
        ownInput = null;
        phase = Phase.DATA;
        messageCompressed = false;
        Inflater inflater = lease.acquire();
        if (inflater != null && inflater.finished()) {
            // The peer ended its DEFLATE stream with BFINAL (§7.2.3.4): the next message starts a new one.
            inflater.reset();
        }
        lease.release(contextTakeover);
        suspendIfBacklogged();
    }

    /**
     * Inflates the inflater's input, passing on full parts.
     *
     * @return {@code true} when the input is used up; {@code false} when the stage suspended itself
     */
    private boolean inflate(Inflater inflater) {
        try {
            while (true) {
                if (outFill == out.length) {
                    emit(false);
                    if (suspendIfBacklogged()) {
                        return false;
                    }
                }
                int n = inflater.inflate(out, outFill, out.length - outFill);
                outFill += n;
                if (inflater.finished() && inflater.getRemaining() > 0) {
                    // BFINAL ended the stream with bytes after it (at least our tail): a new stream.
                    restartAfterFinal(inflater);
                    continue;
                }
                if (n == 0 && outFill < out.length) {
                    if (inflater.needsDictionary()) {
                        throw new ProtocolException(CloseCodes.INVALID_PAYLOAD, "Compressed data needs a dictionary");
                    }
                    return true; // the input is used up (or the stream finished)
                }
            }
        } catch (DataFormatException e) {
            throw new ProtocolException(CloseCodes.INVALID_PAYLOAD, "Invalid compressed data: " + e.getMessage());
        }
    }

    private void restartAfterFinal(Inflater inflater) {
        byte[] rest = new byte[inflater.getRemaining()];
        if (borrowedInput != null) {
            borrowedInput.get(borrowedInput.position(), rest);
            borrowedInput = null;
        } else {
            System.arraycopy(ownInput, ownInput.length - rest.length, rest, 0, rest.length);
        }
        inflater.reset();
        setOwnInput(inflater, rest);
    }

    private void setOwnInput(Inflater inflater, byte[] input) {
        ownInput = input;
        inflater.setInput(input);
    }

    /** Stops while the application is behind; {@link #resume()} goes on. */
    private boolean suspendIfBacklogged() {
        if (!context.backlogged().getAsBoolean()) {
            return false;
        }
        suspended = true;
        context.suspend().run();
        return true;
    }

    /** Before returning to the caller: input still referring to its buffer is copied (at most one read). */
    private void keepHeldInput(Inflater inflater) {
        if (borrowedInput == null) {
            return;
        }
        int remaining = inflater.getRemaining();
        if (remaining > 0) {
            byte[] copy = new byte[remaining];
            borrowedInput.get(borrowedInput.position(), copy);
            setOwnInput(inflater, copy);
        }
        borrowedInput = null;
    }

    /** Passes the inflated bytes on as one frame of their exact length. */
    private void emit(boolean fin) {
        OpCode opCode = nextOpCode;
        nextOpCode = OpCode.CONTINUATION;
        next.onFrameHeader(new FrameHeader(fin, 0, opCode, outFill, false));
        if (outFill > 0) {
            next.onPayload(ByteBuffer.wrap(out, 0, outFill));
        }
        next.onFrameEnd();
        outFill = 0;
    }

    private static FrameHeader withoutRsv1(FrameHeader header) {
        return new FrameHeader(header.fin(), header.rsv() & ~FrameHeader.RSV1, header.opCode(),
                header.payloadLength(), header.masked());
    }
}
