package dev.switch101.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;

/**
 * One client connection of the load generator, driven by its {@link EventLoop}: the handshake,
 * then up to {@code depth} messages in flight, every echo checked byte for byte (content,
 * sequence, type) as it arrives, then the close handshake, waiting for the server to close TCP
 * first (so the client side keeps no TIME_WAIT). Any deviation is a {@link BenchFailure}.
 */
final class EchoConnection {

    private enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, DONE }

    private static final byte[] EMPTY = new byte[0];
    private static final int NEED_MORE = 0;
    private static final int DATA = 1;
    private static final int CONTROL = 2;

    private final EventLoop loop;
    private final Row row;
    private final ClientHandshake handshake;
    private final MessageTemplate template;
    private final byte[] expected;
    private final ByteBuffer in;
    private final Expectation expectation = new Expectation();
    private SocketChannel channel;
    private SelectionKey key;
    private State state = State.CONNECTING;
    private DeflateCodec deflate;

    private ByteBuffer pending;
    private ByteBuffer batch;
    private int owed;
    private int inFlight;
    private long sent;
    private long received;
    private boolean closeOwed;

    private long payloadLeft = -1;
    private boolean inMessage;
    private int messageOpCode;
    private boolean messageCompressed;
    private int messageOffset;

    EchoConnection(EventLoop loop, Row row, Target target, long seed) {
        this.loop = loop;
        this.row = row;
        SplittableRandom random = new SplittableRandom(seed);
        this.handshake = new ClientHandshake(target.host(), target.port(), target.path(), row.deflate(), random);
        if (row.handshakes()) {
            template = null;
            expected = EMPTY;
            in = ByteBuffer.allocate(ClientHandshake.MAX_RESPONSE);
        } else {
            byte[] payload = row.deflate() ? Payloads.compressibleText(row.size(), seed)
                    : row.binary() ? Payloads.binary(row.size(), seed) : Payloads.text(row.size(), seed);
            template = new MessageTemplate(row.binary() ? 2 : 1, payload,
                    row.deflate() ? DeflateCodec.compress(payload) : null, random);
            expected = template.payload();
            in = ByteBuffer.allocateDirect(64 << 10);
        }
    }

    void start(SocketChannel socket, SelectionKey selectionKey, boolean connected) throws IOException {
        this.channel = socket;
        this.key = selectionKey;
        if (connected) {
            onConnectable();
        }
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    boolean isDone() {
        return state == State.DONE;
    }

    int inFlight() {
        return inFlight;
    }

    void onConnectable() throws IOException {
        if (!channel.finishConnect()) {
            return;
        }
        state = State.HANDSHAKING;
        pending = handshake.request();
        key.interestOps(SelectionKey.OP_READ);
        flush();
    }

    void onWritable() throws IOException {
        flush();
    }

    void onReadable() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            onEof();
            return;
        }
        in.flip();
        try {
            if (state == State.HANDSHAKING) {
                String extensions = handshake.readResponse(in);
                if (extensions == null) {
                    return;
                }
                opened(extensions);
            }
            if (state == State.OPEN || state == State.CLOSING) {
                readFrames();
            }
        } finally {
            in.compact();
        }
        if (state == State.OPEN && !row.handshakes()) {
            topUp();
        }
    }

    /** Sends messages until {@code depth} are in flight, while the loop is sending. */
    void topUp() throws IOException {
        if (state != State.OPEN || !loop.sending()) {
            return;
        }
        int more = row.depth() - inFlight;
        if (more <= 0) {
            return;
        }
        inFlight += more;
        owed += more;
        loop.sent(more);
        if (pending == null) {
            sendOwed();
        }
    }

    /** Starts the close handshake (after the messages in flight were written). */
    void close() throws IOException {
        if (state == State.OPEN) {
            state = State.CLOSING;
            closeOwed = true;
            if (pending == null) {
                sendOwed();
            }
        }
    }

    void abort() {
        state = State.DONE;
        try {
            channel.close();
        } catch (IOException e) {
            loop.note("closing " + e);
        }
        if (deflate != null) {
            deflate.end();
        }
    }

    private void opened(String extensions) throws IOException {
        if (row.deflate()) {
            String refusal = DeflateCodec.refusal(extensions);
            if (refusal != null) {
                loop.notApplicable("permessage-deflate " + refusal);
                state = State.OPEN;
                close();
                return;
            }
            deflate = new DeflateCodec();
        } else if (!extensions.isEmpty()) {
            throw new BenchFailure("server accepted extensions nobody offered: " + extensions);
        }
        state = State.OPEN;
        loop.opened(this);
    }

    private void sendOwed() throws IOException {
        if (owed == 1 && row.depth() == 1) {
            pending = template.frameFor(sent++);
        } else if (owed > 0) {
            if (batch == null) {
                batch = ByteBuffer.allocate(row.depth() * template.frameLength());
            }
            batch.clear();
            for (int i = 0; i < owed; i++) {
                template.appendTo(batch, sent++);
            }
            pending = batch.flip();
        } else if (closeOwed) {
            closeOwed = false;
            // Close 1000, masked with a zero key (any key is valid; §5.3).
            pending = ByteBuffer.wrap(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
        } else {
            return;
        }
        owed = 0;
        flush();
    }

    private void flush() throws IOException {
        while (pending != null) {
            channel.write(pending);
            if (pending.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            pending = null;
            if (owed > 0 || closeOwed) {
                sendOwed();
            }
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    private void readFrames() throws IOException {
        while (in.hasRemaining()) {
            if (payloadLeft < 0) {
                int header = readHeader();
                if (header == NEED_MORE) {
                    return;
                }
                if (header == CONTROL) {
                    continue;
                }
            }
            if (payloadLeft > 0) {
                int n = (int) Math.min(in.remaining(), payloadLeft);
                ByteBuffer chunk = in.slice(in.position(), n);
                in.position(in.position() + n);
                payloadLeft -= n;
                if (messageCompressed) {
                    deflate.inflate(chunk, expectation);
                } else {
                    expectation.check(chunk);
                }
            }
            if (payloadLeft == 0) {
                payloadLeft = -1;
                if (!inMessage) {
                    endMessage();
                }
            }
        }
    }

    /** Reads a frame header, or a whole control frame: DATA, CONTROL or NEED_MORE. */
    private int readHeader() throws IOException {
        int start = in.position();
        if (in.remaining() < 2) {
            return NEED_MORE;
        }
        int b0 = in.get(start) & 0xff;
        int b1 = in.get(start + 1) & 0xff;
        if ((b1 & 0x80) != 0) {
            throw new BenchFailure("server sent a masked frame");
        }
        int length7 = b1 & 0x7f;
        int headerLength = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0);
        if (in.remaining() < headerLength) {
            return NEED_MORE;
        }
        long length = length7 == 126 ? in.getShort(start + 2) & 0xffff : length7 == 127 ? in.getLong(start + 2) : length7;
        boolean fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        int opCode = b0 & 0x0f;
        if ((b0 & 0x30) != 0 || (rsv1 && (deflate == null || opCode == 0 || opCode >= 8))) {
            throw new BenchFailure("unexpected RSV bits in " + Integer.toHexString(b0));
        }
        if (opCode >= 8) {
            if (in.remaining() < headerLength + length) {
                return NEED_MORE;
            }
            in.position(start + headerLength + (int) length);
            control(opCode);
            return CONTROL;
        }
        in.position(start + headerLength);
        if (opCode == 0) {
            if (!inMessage) {
                throw new BenchFailure("continuation frame outside a message");
            }
        } else {
            if (inMessage) {
                throw new BenchFailure("new message inside a fragmented one");
            }
            int wanted = row.binary() ? 2 : 1;
            if (opCode != wanted) {
                throw new BenchFailure("echo came back with opcode " + opCode + ", sent " + wanted);
            }
            if (received >= sent) {
                throw new BenchFailure("a message nobody asked for");
            }
            messageOpCode = opCode;
            messageCompressed = rsv1;
            messageOffset = 0; // RSV1 clear on a deflate connection: an uncompressed message, allowed
        }
        inMessage = !fin;
        payloadLeft = length;
        return DATA;
    }

    private void control(int opCode) throws IOException {
        switch (opCode) {
            case 8 -> {
                if (state != State.CLOSING) {
                    throw new BenchFailure("server closed the connection while messages were being echoed");
                }
                // The server answered our close; it closes TCP next (§7.1.1), and the EOF ends the connection.
            }
            case 10 -> { } // unsolicited pong: ignored (§5.5.3)
            case 9 -> throw new BenchFailure("server sent a ping; the load generator does not answer pings");
            default -> throw new BenchFailure("reserved control opcode " + opCode);
        }
    }

    private void endMessage() throws IOException {
        if (messageCompressed) {
            deflate.finishMessage(expectation);
        }
        if (messageOffset != expected.length) {
            throw new BenchFailure("echo of " + messageOffset + " bytes, sent " + expected.length + " (type "
                    + messageOpCode + ")");
        }
        received++;
        inFlight--;
        loop.echoed(expected.length);
    }

    private void onEof() throws IOException {
        if (state == State.CLOSING) {
            abort();
            loop.closed(this);
            return;
        }
        throw new BenchFailure("server closed TCP while " + state.name().toLowerCase() + " (after " + received
                + " echoes)");
    }

    /** Compares echoed bytes with the message sent, its sequence number included. */
    private final class Expectation implements DeflateCodec.Expectation {
        @Override
        public void check(ByteBuffer echoed) {
            int n = echoed.remaining();
            if (messageOffset + n > expected.length) {
                throw new BenchFailure("echo longer than the " + expected.length + " bytes sent");
            }
            int at = 0;
            if (template.sequenced()) {
                while (messageOffset + at < Payloads.SEQUENCE_LENGTH && at < n) {
                    if (echoed.get(echoed.position() + at) != Payloads.sequenceDigit(received, messageOffset + at)) {
                        throw new BenchFailure("echo " + received + " out of order or corrupted in its sequence number");
                    }
                    at++;
                }
            }
            if (at < n) {
                int from = echoed.position() + at;
                int mismatch = echoed.slice(from, n - at).mismatch(ByteBuffer.wrap(expected, messageOffset + at, n - at));
                if (mismatch >= 0) {
                    throw new BenchFailure("echo " + received + " differs at byte " + (messageOffset + at + mismatch));
                }
            }
            messageOffset += n;
        }
    }
}
