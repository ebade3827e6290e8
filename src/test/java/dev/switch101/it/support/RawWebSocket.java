package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.FrameParser;
import dev.switch101.frame.FrameParserConfig;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;

/**
 * A WebSocket client over a raw socket (RFC 6455), for conformance tests that must send frames a
 * well-behaved client never would and see exactly what the server answers.
 *
 * <p>Sending: every frame is masked with a fresh random key unless the test asks otherwise, and any
 * header field (FIN, RSV, opcode, MASK, the declared length) can be set to an illegal value.
 * Receiving: server frames go through the engine's own {@link FrameParser} in client mode, so a
 * masked server frame, RSV bits, a reserved opcode or a malformed fragment sequence from the server
 * fails the test at once.
 */
public final class RawWebSocket implements Closeable {

    /** The GUID of RFC 6455 §1.3, appended to the key to compute Sec-WebSocket-Accept. */
    public static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** How long to wait for a frame from the server. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    /** How long the server has to close the TCP connection after its close frame. */
    public static final int TCP_CLOSE_TIMEOUT_MILLIS = 5_000;

    /** Refuse server frames above this: the echo contract never sends more than 32 MiB at once. */
    private static final long MAX_SERVER_FRAME = 64L << 20;

    private static final int READ_CHUNK = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RawHttp http;
    private final InputStream in;
    private final OutputStream out;
    private final RawHttp.Response handshakeResponse;
    private final FrameParser parser;
    private final Deque<Frame> received = new ArrayDeque<>();
    private final byte[] readBuffer = new byte[READ_CHUNK];
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Queue<byte[]> owedPongs = new ConcurrentLinkedQueue<>();
    private volatile boolean insideFrame;

    // Accounting of the bytes read, to tell whether anything followed the server's close frame.
    private long bytesParsed;
    private long bytesInCompleteFrames;

    private RawWebSocket(RawHttp http, RawHttp.Response handshakeResponse) {
        this.http = http;
        this.in = http.input();
        this.out = http.output();
        this.handshakeResponse = handshakeResponse;
        this.parser = new FrameParser(FrameParserConfig.client(MAX_SERVER_FRAME), new Collector());
        String extensions = String.join(",", handshakeResponse.headers("Sec-WebSocket-Extensions"));
        if (extensions.contains("permessage-deflate")) {
            // RFC 7692 §6: the negotiated permessage-deflate gives RSV1 a meaning; the caller inflates.
            parser.setAllowedRsv(4);
        }
    }

    // ---------------------------------------------------------------- opening handshake (§4.1)

    /**
     * Opens a WebSocket connection: sends a valid opening handshake for {@code path} (relative to the
     * deployment URL, e.g. "echo") and asserts a 101 with the right Sec-WebSocket-Accept.
     */
    public static RawWebSocket connect(URL base, String path) throws IOException {
        return connect(base, Handshake.to(base, path));
    }

    /** Opens a connection with a custom (but acceptable) handshake; asserts 101 and the accept value. */
    public static RawWebSocket connect(URL base, Handshake handshake) throws IOException {
        RawHttp http = RawHttp.connect(base);
        try {
            http.socket().setSoTimeout(READ_TIMEOUT_MILLIS);
            RawHttp.Response response = http.send(handshake.toRequest()).readResponse();
            assertEquals(101, response.status(), () -> "handshake refused: " + response.statusLine() + " " + response.body());
            assertEquals(List.of(acceptFor(handshake.key())), response.headers("Sec-WebSocket-Accept"),
                    "Sec-WebSocket-Accept (RFC 6455 §4.2.2 item 5.4)");
            return new RawWebSocket(http, response);
        } catch (IOException | RuntimeException | Error e) {
            http.close();
            throw e;
        }
    }

    /** A fresh Sec-WebSocket-Key: base64 of 16 random bytes (§4.1). */
    public static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The Sec-WebSocket-Accept value a server must send for {@code key} (§4.2.2). */
    public static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RawHttp.Response handshakeResponse() {
        return handshakeResponse;
    }

    // ---------------------------------------------------------------- sending

    /** Sends a frame, masked with a random key (§5.3). */
    public RawWebSocket send(Frame frame) throws IOException {
        return sendRaw(frame.encode(true));
    }

    /** Sends frames back to back in one write (pipelined). */
    public RawWebSocket send(Frame... frames) throws IOException {
        return sendRaw(concat(frames));
    }

    /** Sends a frame without masking it, which a client must never do (§5.1). */
    public RawWebSocket sendUnmasked(Frame frame) throws IOException {
        return sendRaw(frame.encode(false));
    }

    /**
     * Sends a masked frame's header (declaring the whole payload) and only the first
     * {@code payloadBytes} bytes of its payload; the rest never follows.
     */
    public RawWebSocket sendTruncated(Frame frame, int payloadBytes) throws IOException {
        byte[] encoded = frame.encode(true);
        int headerLength = encoded.length - frame.payload().length;
        writeLock.lock();
        try {
            write(Arrays.copyOf(encoded, headerLength + payloadBytes));
            insideFrame = true; // a frame stays open: nothing, not even a pong, may follow
        } finally {
            writeLock.unlock();
        }
        return this;
    }

    public RawWebSocket sendText(String text) throws IOException {
        return send(Frame.text(text));
    }

    public RawWebSocket sendClose(int code, String reason) throws IOException {
        return send(Frame.close(code, reason));
    }

    /** Writes bytes exactly as given (whole frames), then any pong owed to the server. */
    public RawWebSocket sendRaw(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            write(bytes);
            sendOwedPongs();
        } finally {
            writeLock.unlock();
        }
        return this;
    }

    /** Sends masked frames one byte per write call (with TCP_NODELAY, mostly one per segment). */
    public RawWebSocket sendChopped(Frame... frames) throws IOException {
        writeLock.lock();
        try {
            for (byte b : concat(frames)) {
                write(new byte[] {b});
            }
            sendOwedPongs();
        } finally {
            writeLock.unlock();
        }
        return this;
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Answers the server's pings, between our frames only (never inside one, §5.4). Called with
     * the write lock held.
     */
    private void sendOwedPongs() throws IOException {
        byte[] payload;
        while (!insideFrame && (payload = owedPongs.poll()) != null) {
            write(Frame.pong(payload).encode(true));
        }
    }

    /**
     * Writes frames on another thread, so the test can read the echo while a large message is still
     * being sent (a streaming echo would otherwise deadlock on full TCP buffers).
     */
    public CompletableFuture<Void> sendInBackground(Frame... frames) {
        byte[] bytes = concat(frames);
        return CompletableFuture.runAsync(() -> {
            try {
                sendRaw(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] concat(Frame... frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            all.writeBytes(frame.encode(true));
        }
        return all.toByteArray();
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Reads the next frame from the server; fails if none arrives in time or it breaks RFC 6455.
     * Pings from the server are answered with a pong at once, as a client must (§5.5.2), and
     * are not returned: a server may ping for its own reasons (Switch101 does, on Tomcat, to
     * resume reading after back-pressure).
     */
    public Frame readFrame() throws IOException {
        while (true) {
            Frame frame = nextFrame();
            if (frame.opCode() != OpCode.PING.code()) {
                return frame;
            }
            owedPongs.add(frame.payload());
            // If another thread is in the middle of sending (a large message), it sends the pong
            // when done: waiting for it here could deadlock with a server that waits for us to read.
            if (writeLock.tryLock()) {
                try {
                    sendOwedPongs();
                } finally {
                    writeLock.unlock();
                }
            }
        }
    }

    private Frame nextFrame() throws IOException {
        while (received.isEmpty()) {
            int n;
            try {
                n = in.read(readBuffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no frame from the server within " + READ_TIMEOUT_MILLIS + " ms", e);
            }
            if (n < 0) {
                fail("the server closed the TCP connection without sending a (complete) frame");
            }
            bytesParsed += n;
            try {
                parser.parse(ByteBuffer.wrap(readBuffer, 0, n));
            } catch (ProtocolException e) {
                fail("the server sent an invalid frame (" + e.closeCode() + "): " + e.getMessage());
            }
        }
        return received.removeFirst();
    }

    /**
     * Reads one whole data message, reassembling fragments; control frames that arrive before it is
     * complete (e.g. pongs) are returned with it. Fails on a close frame.
     */
    public Message readMessage() throws IOException {
        List<Frame> control = new ArrayList<>();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        OpCode type = null;
        while (true) {
            Frame frame = readFrame();
            if (frame.opCode() == OpCode.CLOSE.code()) {
                fail("expected a message, got a close frame " + frame.describeClose());
            }
            if (frame.isControl()) {
                control.add(frame);
                continue;
            }
            if (type == null) {
                type = OpCode.of(frame.opCode());
            }
            payload.writeBytes(frame.payload());
            if (frame.fin()) {
                return new Message(type, payload.toByteArray(), control);
            }
        }
    }

    /** Reads a text message and returns its content (fails if it is binary). */
    public String readText() throws IOException {
        Message message = readMessage();
        assertEquals(OpCode.TEXT, message.type(), "message type");
        return message.text();
    }

    /** Reads frames up to a close frame (data frames and pongs before it are skipped) and returns it. */
    public Frame readCloseFrame() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opCode() == OpCode.CLOSE.code()) {
                return frame;
            }
        }
    }

    /**
     * Asserts that the server closes with {@code code}: reads up to a close frame, checks its status
     * code (§5.5.1, §7.4), then that the server closes the TCP connection (§7.1.1, §7.1.7) with
     * nothing after the close frame.
     */
    public void expectClose(int code) throws IOException {
        Frame close = readCloseFrame();
        assertEquals(code, close.closeCode(), () -> "close code; close frame was " + close.describeClose());
        assertTcpClosed();
    }

    /**
     * Asserts that nothing follows the frames read so far and that the server closes the TCP
     * connection within {@link #TCP_CLOSE_TIMEOUT_MILLIS}. A reset counts as closed: the server
     * may have closed with bytes of ours unread.
     */
    public void assertTcpClosed() throws IOException {
        assertTrue(received.isEmpty(), () -> "frames after the close frame: " + received);
        assertEquals(bytesInCompleteFrames, bytesParsed, "bytes after the last frame");
        http.socket().setSoTimeout(TCP_CLOSE_TIMEOUT_MILLIS);
        try {
            int next = in.read();
            assertEquals(-1, next, "the server sent data after its close frame");
        } catch (SocketTimeoutException e) {
            fail("the server did not close the TCP connection within " + TCP_CLOSE_TIMEOUT_MILLIS + " ms of its close frame");
        } catch (SocketException e) {
            // Connection reset: closed, too.
        } finally {
            http.socket().setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Sets how long a read waits before it fails with a {@link java.net.SocketTimeoutException}. */
    public void setReadTimeout(int millis) throws IOException {
        http.socket().setSoTimeout(millis);
    }

    /** The socket's input, for tests that count bytes rather than read frames. */
    public InputStream input() {
        return in;
    }

    /** Vanishes: closes the TCP connection without a close frame, with a FIN. */
    public void vanish() throws IOException {
        http.close();
    }

    /** Vanishes harder: resets the TCP connection (RST, SO_LINGER 0) without a close frame. */
    public void reset() throws IOException {
        http.socket().setSoLinger(true, 0);
        http.close();
    }

    /** Feeds the parser's events into whole {@link Frame}s. */
    private final class Collector implements FrameListener {
        private FrameHeader header;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        @Override
        public void onFrameHeader(FrameHeader frameHeader) {
            header = frameHeader;
            payload.reset();
        }

        @Override
        public void onPayload(ByteBuffer chunk) {
            byte[] bytes = new byte[chunk.remaining()];
            chunk.duplicate().get(bytes);
            payload.writeBytes(bytes);
        }

        @Override
        public void onFrameEnd() {
            // A sender MUST use the minimal length encoding (§5.2), so this is the frame's size on the wire.
            bytesInCompleteFrames += FrameWriter.headerLength(header.payloadLength(), false) + header.payloadLength();
            received.addLast(new Frame(header.fin(), header.rsv(), header.opCode().code(), payload.toByteArray()));
        }
    }

    // ---------------------------------------------------------------- values

    /**
     * A frame as sent or received. {@code opCode} is the raw 4-bit value so tests can send reserved
     * opcodes; {@code rsv} is 0..7 (RSV1 = 4).
     */
    public record Frame(boolean fin, int rsv, int opCode, byte[] payload) {

        public static Frame text(String text) {
            return of(OpCode.TEXT, text.getBytes(StandardCharsets.UTF_8));
        }

        public static Frame binary(byte[] payload) {
            return of(OpCode.BINARY, payload);
        }

        public static Frame ping(byte[] payload) {
            return of(OpCode.PING, payload);
        }

        public static Frame pong(byte[] payload) {
            return of(OpCode.PONG, payload);
        }

        /** A close frame with a 2-byte code and a UTF-8 reason; any code, even an invalid one. */
        public static Frame close(int code, String reason) {
            return close(code, reason.getBytes(StandardCharsets.UTF_8));
        }

        /** A close frame with a 2-byte code and raw reason bytes (e.g. invalid UTF-8). */
        public static Frame close(int code, byte[] reason) {
            ByteBuffer payload = ByteBuffer.allocate(2 + reason.length);
            payload.putShort((short) code).put(reason);
            return of(OpCode.CLOSE, payload.array());
        }

        /** A close frame with an arbitrary payload (empty, 1 byte, ...). */
        public static Frame closeWithPayload(byte[] payload) {
            return of(OpCode.CLOSE, payload);
        }

        /** A final frame with no RSV bits. */
        public static Frame of(OpCode opCode, byte[] payload) {
            return new Frame(true, 0, opCode.code(), payload);
        }

        /** A continuation frame. */
        public static Frame continuation(byte[] payload, boolean fin) {
            return new Frame(fin, 0, OpCode.CONTINUATION.code(), payload);
        }

        public static Frame continuation(String text, boolean fin) {
            return continuation(text.getBytes(StandardCharsets.UTF_8), fin);
        }

        public Frame withFin(boolean newFin) {
            return new Frame(newFin, rsv, opCode, payload);
        }

        public Frame withRsv(int newRsv) {
            return new Frame(fin, newRsv, opCode, payload);
        }

        public Frame withOpCode(int newOpCode) {
            return new Frame(fin, rsv, newOpCode, payload);
        }

        public boolean isControl() {
            return (opCode & 0x8) != 0;
        }

        /** The status code of a close frame, or 1005 if its payload is empty (§7.1.5). */
        public int closeCode() {
            assertEquals(OpCode.CLOSE.code(), opCode, "not a close frame");
            if (payload.length == 0) {
                return CloseCodes.NO_STATUS;
            }
            assertTrue(payload.length >= 2, "close frame with a 1-byte payload from the server");
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String describeClose() {
            if (payload.length < 2) {
                return "(payload of " + payload.length + " bytes)";
            }
            return closeCode() + " \"" + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) + "\"";
        }

        /**
         * Encodes the frame as a client would, or with the given mask bit. The codec refuses illegal
         * frames (reserved opcodes, long or fragmented control frames), so the frame is encoded as a
         * legal binary frame of the same length and its first byte is then overwritten.
         */
        public byte[] encode(boolean masked) {
            ByteBuffer body = ByteBuffer.wrap(payload);
            ByteBuffer frame = masked
                    ? FrameWriter.maskedFrame(true, 0, OpCode.BINARY, body, RANDOM.nextInt())
                    : FrameWriter.frame(true, 0, OpCode.BINARY, body);
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            bytes[0] = (byte) ((fin ? 0x80 : 0) | (rsv << 4) | (opCode & 0x0F));
            return bytes;
        }

        @Override
        public String toString() {
            return "Frame[fin=" + fin + ", rsv=" + rsv + ", opCode=0x" + Integer.toHexString(opCode)
                    + ", " + payload.length + " bytes]";
        }
    }

    /** A reassembled data message and the control frames received while it was arriving. */
    public record Message(OpCode type, byte[] payload, List<Frame> controlFrames) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * An opening handshake request (§4.1), valid by default, whose headers can be replaced, removed
     * or duplicated to build invalid ones. Header lines keep their order and their spelling.
     */
    public static final class Handshake {
        private String method = "GET";
        private String version = "HTTP/1.1";
        private final String path;
        private final String key;
        private final List<String[]> headers = new ArrayList<>();

        private Handshake(String path, String key) {
            this.path = path;
            this.key = key;
        }

        /**
         * A valid handshake for {@code relativePath} under the deployment URL, with
         * {@code Host: host:port}, a random key and version 13; no Origin.
         */
        public static Handshake to(URL base, String relativePath) {
            String key = newKey();
            return new Handshake(base.getPath() + relativePath, key)
                    .add("Host", base.getHost() + ":" + base.getPort())
                    .add("Upgrade", "websocket")
                    .add("Connection", "Upgrade")
                    .add("Sec-WebSocket-Key", key)
                    .add("Sec-WebSocket-Version", "13");
        }

        /** Replaces every header of that name (case-insensitively) with one spelled as given. */
        public Handshake set(String name, String value) {
            int at = indexOf(name);
            remove(name);
            headers.add(at < 0 ? headers.size() : at, new String[] {name, value});
            return this;
        }

        /** Appends a header line, even if one of that name exists. */
        public Handshake add(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** Removes every header of that name (case-insensitively). */
        public Handshake remove(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            return this;
        }

        public Handshake method(String newMethod) {
            this.method = newMethod;
            return this;
        }

        public Handshake version(String newVersion) {
            this.version = newVersion;
            return this;
        }

        /** The key sent, if the Sec-WebSocket-Key header has not been changed. */
        public String key() {
            return key;
        }

        /** The request head; without a Host header it really has none (no default is added). */
        public String toRequest() {
            List<String> lines = new ArrayList<>();
            if (indexOf("Host") < 0) {
                lines.add("NO-HOST");
            }
            for (String[] header : headers) {
                lines.add(header[0] + ": " + header[1]);
            }
            return RawHttp.request(method, path, version, lines.toArray(String[]::new));
        }

        private int indexOf(String name) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i)[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
