package dev.switch101.extension.deflate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import dev.switch101.extension.FrameTransform;
import dev.switch101.extension.IncomingStage;
import dev.switch101.extension.OutgoingFrames;
import dev.switch101.extension.TransformContext;
import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;

/**
 * permessage-deflate on one connection (RFC 7692 §7.2). Outgoing: a message is compressed as one
 * DEFLATE stream cut into frames, RSV1 on its first frame only, each frame the session hands over
 * ended by a sync flush and the message's final {@code 00 00 ff ff} stripped (§7.2.1); a whole
 * message under the threshold goes out uncompressed, RSV1 clear. Incoming: see {@link InflatingStage}.
 *
 * <p>The compressor is held from a message's first frame to its last; without context takeover
 * it then goes back to the pool, so an idle connection holds none.
 */
final class DeflateTransform implements FrameTransform {

    /** Extra output room over the input: block headers, and the flush's empty stored block. */
    private static final int OUTPUT_SLACK = 64;
    private static final int TAIL_LENGTH = 4;
    /** BFINAL 0, BTYPE 00 and padding: an empty stored block without its LEN and NLEN. */
    private static final byte EMPTY_STORED_BLOCK_HEADER = 0;

    private final DeflateAgreement agreement;
    private final DeflateConfig config;
    private final TransformContext context;
    private final Lease<Deflater> deflater;
    private final Lease<Inflater> inflater;

    // Outgoing message state; one sender at a time, in message order.
    private boolean messageOpen;
    private boolean compressing;
    private boolean firstFrameSent;
    private OpCode messageOpCode;

    DeflateTransform(DeflateAgreement agreement, DeflateConfig config, DeflatePool pool, TransformContext context) {
        this.agreement = agreement;
        this.config = config;
        this.context = context;
        this.deflater = new Lease<>(() -> pool.takeDeflater(config.level()), pool::giveBack, Deflater::end);
        this.inflater = new Lease<>(pool::takeInflater, pool::giveBack, Inflater::end);
    }

    @Override
    public IncomingStage incoming(FrameListener next) {
        return new InflatingStage(next, inflater, !agreement.clientNoContextTakeover(), context);
    }

    @Override
    public void outgoing(boolean fin, int rsv, OpCode opCode, ByteBuffer payload, OutgoingFrames next)
            throws IOException {
        if (opCode != OpCode.CONTINUATION) {
            startMessage(fin, opCode, payload.remaining());
        }
        if (!compressing) {
            messageOpen = !fin;
            next.frame(fin, rsv, opCode, payload);
            return;
        }
        Deflater d = deflater.acquire();
        if (d == null) {
            throw new IOException("The connection is closed");
        }
        boolean done = false;
        try {
            compress(d, fin, rsv, payload, next);
            done = true;
        } finally {
            messageOpen = !fin && done;
            // Between the frames of a message the stream goes on; after it, only with context takeover.
            deflater.release(messageOpen || !agreement.serverNoContextTakeover());
        }
    }

    private void startMessage(boolean fin, OpCode opCode, int length) {
        if (messageOpen) {
            // The previous message was never finished (its sender failed): its stream is void.
            Deflater d = deflater.acquire();
            if (d != null) {
                d.reset();
            }
            deflater.release(!agreement.serverNoContextTakeover());
        }
        messageOpCode = opCode;
        firstFrameSent = false;
        compressing = !(fin && length < config.threshold());
    }

    /** Compresses one frame's payload into frames of at most the outgoing frame size. */
    private void compress(Deflater d, boolean fin, int rsv, ByteBuffer payload, OutgoingFrames next)
            throws IOException {
        d.setInput(payload);
        int size = (int) Math.min(context.outgoingFrameSize(),
                Math.max(OUTPUT_SLACK, (long) payload.remaining() + payload.remaining() / 64 + OUTPUT_SLACK));
        byte[] out = new byte[size];
        int fill = 0;
        while (true) {
            // SYNC_FLUSH: returning less than the room given means all input is compressed and flushed.
            fill += d.deflate(out, fill, out.length - fill, Deflater.SYNC_FLUSH);
            if (fill < out.length) {
                break;
            }
            // Full: more may follow. Keep the last 4 bytes back, they may be the tail to strip.
            send(false, rsv, ByteBuffer.wrap(out, 0, fill - TAIL_LENGTH), next);
            System.arraycopy(out, fill - TAIL_LENGTH, out, 0, TAIL_LENGTH);
            fill = TAIL_LENGTH;
        }
        // The output ends with the flush's 00 00 ff ff: stripped from the message's end (§7.2.1),
        // kept inside it, where it is an empty stored block the peer's inflater skips.
        if (fin && fill == 0) {
            // An empty last frame after a flushed one: zlib has nothing to flush, and the previous
            // frame's tail is already sent. The message must still end in the header of an empty
            // stored block (§7.2.1 step 3), or the 00 00 ff ff the peer appends begins a stored
            // block that swallows its next message: one 00 octet is that header (§7.2.3.6).
            send(true, rsv, ByteBuffer.wrap(new byte[] {EMPTY_STORED_BLOCK_HEADER}), next);
            return;
        }
        send(fin, rsv, ByteBuffer.wrap(out, 0, fin && endsWithTail(out, fill) ? fill - TAIL_LENGTH : fill), next);
    }

    private static boolean endsWithTail(byte[] out, int fill) {
        return fill >= TAIL_LENGTH && out[fill - 4] == 0 && out[fill - 3] == 0 && out[fill - 2] == (byte) 0xff
                && out[fill - 1] == (byte) 0xff;
    }

    private void send(boolean fin, int rsv, ByteBuffer payload, OutgoingFrames next) throws IOException {
        if (firstFrameSent) {
            next.frame(fin, rsv, OpCode.CONTINUATION, payload);
        } else {
            firstFrameSent = true;
            next.frame(fin, rsv | FrameHeader.RSV1, messageOpCode, payload); // §6: RSV1 on the first frame only
        }
    }

    @Override
    public void close() {
        deflater.close();
        inflater.close();
    }
}
