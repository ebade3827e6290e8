package dev.switch101.bench.load;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * permessage-deflate (RFC 7692) for the load generator: each outgoing message is compressed on
 * its own (as {@code client_no_context_takeover} allows, so its frame can be built once); the
 * server's messages are inflated with one context per connection (the server may keep its
 * context) and compared with what was sent as they come out.
 */
final class DeflateCodec {

    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

    private final Inflater inflater = new Inflater(true);
    private final byte[] out = new byte[16384];
    /** The server ended the message's DEFLATE stream with a final block (BFINAL, RFC 7692 §7.2.3.3). */
    private boolean streamEnded;

    /** The message compressed as one raw DEFLATE block sequence, without the final empty block's tail (§7.2.1). */
    static byte[] compress(byte[] message) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(message);
            byte[] buffer = new byte[message.length + 1024];
            int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            if (length < 4 || length == buffer.length) {
                throw new IllegalStateException("compression did not finish in one buffer");
            }
            byte[] compressed = new byte[length - 4];
            System.arraycopy(buffer, 0, compressed, 0, compressed.length);
            return compressed;
        } finally {
            deflater.end();
        }
    }

    /**
     * Whether the server's {@code Sec-WebSocket-Extensions} answer accepts permessage-deflate on
     * terms this client can keep (it cannot narrow its window: {@code client_max_window_bits}).
     */
    static String refusal(String extensions) {
        if (!extensions.toLowerCase().contains("permessage-deflate")) {
            return "not negotiated";
        }
        if (extensions.toLowerCase().contains("client_max_window_bits")) {
            return "server asks for client_max_window_bits, which java.util.zip cannot honour";
        }
        return null;
    }

    /** Inflates a part of a compressed message and checks it against the expectation. */
    void inflate(ByteBuffer chunk, Expectation expectation) {
        if (streamEnded && chunk.hasRemaining()) {
            throw new BenchFailure("server sent compressed data after a final DEFLATE block");
        }
        inflater.setInput(chunk);
        drain(expectation);
        chunk.position(chunk.limit());
    }

    /**
     * The message's last frame has been inflated: add the tail the sender removed — or, if the
     * sender ended the stream with a final block, start a new stream for the next message (a
     * finished stream has no context to take over).
     */
    void finishMessage(Expectation expectation) {
        if (streamEnded) {
            inflater.reset();
            streamEnded = false;
            return;
        }
        inflater.setInput(TAIL);
        drain(expectation);
    }

    void end() {
        inflater.end();
    }

    private void drain(Expectation expectation) {
        try {
            while (true) {
                int n = inflater.inflate(out);
                if (n > 0) {
                    expectation.check(ByteBuffer.wrap(out, 0, n));
                } else if (inflater.finished()) {
                    streamEnded = true;
                    if (inflater.getRemaining() > 0) {
                        throw new BenchFailure("server sent compressed data after a final DEFLATE block");
                    }
                    return;
                } else if (inflater.needsInput()) {
                    return;
                } else {
                    throw new BenchFailure("server's compressed message asked for a dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new BenchFailure("server sent invalid DEFLATE data", e);
        }
    }

    /** Compares echoed bytes, as they arrive, with the message sent. */
    interface Expectation {
        void check(ByteBuffer echoed);
    }
}
