package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A raw WebSocket client whose pace nobody tuned to: the test picks how it chunks its TCP
 * writes, how fast it reads, and whether it answers the server's pings at once, late or
 * never. Unlike {@link RawWebSocket} it reads on a thread of its own, all the time, so large
 * messages stream both ways, and it holds no message whole: payloads come from a
 * {@link MessageContent} and go out masked in slices; what the server sends goes through a
 * {@link ServerFrameParser} to the test's {@link Events}.
 *
 * <p>Threads: one <em>driver</em> thread (the test's) does every write — data frames, and
 * between frames the pongs the reader found owed — and the reader thread never writes, so a
 * reader can never block on a full send buffer. The reader also watches for stalls: when the
 * test is owed something ({@link Events#owed()}) and no byte has arrived for the stall time,
 * it reports the stall and closes the socket (which also frees a driver blocked in a write).
 */
public final class PacedWebSocket implements Closeable {

    /** How the client answers the server's pings. */
    public enum PongPolicy {
        /** At the next frame boundary of its own output (at once if it is not writing). */
        AT_ONCE,
        /** 0.5 to 4 s later, at a frame boundary. */
        LATE,
        /** Never (what {@code ws} with {@code autoPong: false} does). */
        NEVER
    }

    /** How the reader thread reads. */
    public enum ReadPacing {
        /** 64 KiB reads, back to back. */
        EAGER,
        /** Reads of 1 to 16,384 bytes, every fourth followed by a pause of 1 to 3 ms. */
        TRICKLE,
        /** Reads of 1 to 4,096 bytes, every third followed by a pause of 1 to 10 ms (about 1 MB/s). */
        SLOW,
        /** Reads of any size, and every 1 to 6 s a stall of 2 to 6 s without reading. */
        STALLING
    }

    /** How the driver's bytes are cut into TCP writes (independently of frame boundaries). */
    public enum WriteChunking {
        /** Writes of 64 KiB. */
        BULK,
        /** Writes of 1 byte to 64 KiB, log-uniformly. */
        RANDOM,
        /** One byte per write. */
        BYTEWISE
    }

    /** Why the connection ended, as the reader thread saw it. */
    public enum End {
        /** The server closed TCP after its close frame: the only good end. */
        CLOSED_AFTER_CLOSE_FRAME,
        /** TCP closed (FIN) before any close frame. */
        EOF_WITHOUT_CLOSE_FRAME,
        /** TCP reset (RST) before any close frame. */
        RESET_WITHOUT_CLOSE_FRAME,
        /** The server sent something RFC 6455 forbids. */
        VIOLATION,
        /** Owed something, nothing arrived for the stall time. */
        STALL,
        /** The server did not close TCP after its close frame. */
        TCP_LEFT_OPEN,
        /** The test closed the socket itself. */
        ABORTED
    }

    /** What the reader hands to the test; called on the reader thread. */
    public interface Events extends ServerFrameParser.Listener {
        /** Whether the test is waiting for anything from the server (else silence is fine). */
        boolean owed();

        /** The connection ended; called once. */
        void onEnd(End end, String detail);
    }

    public static final byte OP_CONTINUATION = 0x0;
    public static final byte OP_TEXT = 0x1;
    public static final byte OP_BINARY = 0x2;
    public static final byte OP_CLOSE = 0x8;
    public static final byte OP_PING = 0x9;
    public static final byte OP_PONG = 0xA;

    private static final int TICK_MILLIS = 100;
    private static final int SLICE = 64 * 1024;
    private static final long TCP_CLOSE_MILLIS = 10_000;
    private static final long MAX_GATE_MILLIS = 10_000;

    private final RawHttp http;
    private final InputStream in;
    private final OutputStream out;
    private final Events events;
    private final PongPolicy pongPolicy;
    private final ReadPacing pacing;
    private final long stallMillis;
    private final SplittableRandom writeRandom;
    private final SplittableRandom readRandom;
    private final ServerFrameParser parser;
    private final Thread reader;
    private final Object monitor = new Object();

    // Writer state (driver thread only, except the volatile diagnostics).
    private final byte[] wire = new byte[SLICE];
    private int wireFill;
    private int nextWrite;
    private WriteChunking chunking = WriteChunking.BULK;
    private final byte[] scratch = new byte[SLICE];
    private boolean closeSent;
    private boolean answering = true;
    private volatile String writerState = "idle";
    private volatile long writerStateSince = System.nanoTime();
    private final AtomicLong bytesWritten = new AtomicLong();

    // Pongs the reader found owed; sent by the driver at frame boundaries.
    private record OwedPong(byte[] payload, long dueNanos) {
    }

    private final ConcurrentLinkedQueue<OwedPong> owedPongs = new ConcurrentLinkedQueue<>();
    private final AtomicLong serverPings = new AtomicLong();
    private final AtomicLong pongsSent = new AtomicLong();

    // Reader state.
    private volatile boolean gated;
    /** When the server last sent something the test may be owed: data, a pong, a close (not its own pings). */
    private volatile long lastByteNanos = System.nanoTime();
    private volatile long bytesRead;
    private volatile End end;
    private volatile boolean aborting;

    private PacedWebSocket(RawHttp http, Events events, PongPolicy pongPolicy, ReadPacing pacing, long stallMillis,
            long seed, String name) {
        this.http = http;
        this.in = http.input();
        this.out = http.output();
        this.events = events;
        this.pongPolicy = pongPolicy;
        this.pacing = pacing;
        this.stallMillis = stallMillis;
        this.writeRandom = new SplittableRandom(seed);
        this.readRandom = new SplittableRandom(~seed);
        this.parser = new ServerFrameParser(new PingAnswerer());
        this.reader = new Thread(this::readLoop, name + "-reader");
        this.reader.setDaemon(true);
    }

    /**
     * Opens a connection to {@code path} under the deployment URL (a valid handshake, 101 and
     * Sec-WebSocket-Accept asserted) and starts reading.
     */
    public static PacedWebSocket connect(URL base, String path, Events events, PongPolicy pongPolicy, ReadPacing pacing,
            long stallMillis, long seed, String name) throws IOException {
        RawHttp http = RawHttp.connect(base);
        try {
            RawWebSocket.Handshake handshake = RawWebSocket.Handshake.to(base, path);
            RawHttp.Response response = http.send(handshake.toRequest()).readResponse();
            assertEquals(101, response.status(), () -> "handshake refused: " + response.statusLine() + " " + response.body());
            assertEquals(List.of(RawWebSocket.acceptFor(handshake.key())), response.headers("Sec-WebSocket-Accept"),
                    "Sec-WebSocket-Accept");
            http.socket().setSoTimeout(TICK_MILLIS);
            PacedWebSocket ws = new PacedWebSocket(http, events, pongPolicy, pacing, stallMillis, seed, name);
            ws.reader.start();
            return ws;
        } catch (IOException | RuntimeException | Error e) {
            http.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- writing (driver thread)

    /** Sets how the bytes from now on are cut into writes (bytes held back stay held back). */
    public void chunking(WriteChunking mode) throws IOException {
        this.chunking = mode;
        this.nextWrite = drawWriteSize();
        if (wireFill >= nextWrite) {
            emit(wireFill);
        }
    }

    /** Sends a data or control frame whose payload is the next {@code length} bytes of {@code content}. */
    public void sendFrame(boolean fin, int rsv, int opCode, boolean masked, MessageContent content, long length)
            throws IOException {
        int maskKey = writeRandom.nextInt();
        writeHeader(fin, rsv, opCode, masked, length, maskKey);
        long done = 0;
        setWriterState("writing a frame (opcode " + opCode + ", " + length + " bytes) of a " + content.describe());
        while (done < length) {
            int n = (int) Math.min(SLICE, length - done);
            content.next(scratch, 0, n);
            if (masked) {
                mask(scratch, n, maskKey, done);
            }
            put(scratch, 0, n);
            done += n;
        }
        setWriterState("between frames");
    }

    /** Sends a frame with the given payload (a control frame, or a small forged one). */
    public void sendFrame(boolean fin, int rsv, int opCode, boolean masked, byte[] payload) throws IOException {
        int maskKey = writeRandom.nextInt();
        writeHeader(fin, rsv, opCode, masked, payload.length, maskKey);
        byte[] copy = payload.clone();
        if (masked) {
            mask(copy, copy.length, maskKey, 0);
        }
        put(copy, 0, copy.length);
        if (opCode == OP_CLOSE) {
            closeSent = true;
        }
    }

    /**
     * Sends nothing more on its own (no pongs): after a frame that fails the connection the
     * client waits for the server's close, so that no late write of ours can make the server's
     * TCP stack answer with a reset that would destroy the server's last frames in our buffer.
     */
    public void stopAnswering() {
        answering = false;
    }

    /** Sends the pongs that are due (the caller is at a frame boundary of its output). */
    public void sendDuePongs() throws IOException {
        if (closeSent || !answering || owedPongs.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Iterator<OwedPong> it = owedPongs.iterator(); it.hasNext(); ) {
            OwedPong pong = it.next();
            if (pong.dueNanos() - now <= 0) {
                it.remove();
                sendFrame(true, 0, OP_PONG, true, pong.payload());
                pongsSent.incrementAndGet();
            }
        }
    }

    /** Writes out whatever the chunking still holds back. */
    public void flush() throws IOException {
        if (wireFill > 0) {
            emit(wireFill);
        }
    }

    /**
     * Waits until {@code condition} holds (checked whenever the reader reports something),
     * sending due pongs meanwhile; {@code false} after {@code timeoutMillis}.
     */
    public boolean awaitUntil(BooleanSupplier condition, long timeoutMillis, String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        setWriterState("waiting for " + what);
        try {
            while (true) {
                sendDuePongs();
                flush();
                synchronized (monitor) {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    monitor.wait(Math.max(1, Math.min(TICK_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + what, e);
        }
    }

    /** Stops (true) or resumes (false) the reader, to pipeline without reading. */
    public void gateReads(boolean closed) {
        synchronized (monitor) {
            gated = closed;
            monitor.notifyAll();
        }
    }

    private void writeHeader(boolean fin, int rsv, int opCode, boolean masked, long length, int maskKey) throws IOException {
        byte[] header = new byte[14];
        int at = 0;
        header[at++] = (byte) ((fin ? 0x80 : 0) | (rsv & 7) << 4 | (opCode & 0x0F));
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            header[at++] = (byte) (maskBit | length);
        } else if (length <= 0xFFFF) {
            header[at++] = (byte) (maskBit | 126);
            header[at++] = (byte) (length >> 8);
            header[at++] = (byte) length;
        } else {
            header[at++] = (byte) (maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header[at++] = (byte) (length >> shift);
            }
        }
        if (masked) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                header[at++] = (byte) (maskKey >> shift);
            }
        }
        put(header, 0, at);
    }

    private static void mask(byte[] bytes, int count, int maskKey, long position) {
        for (int i = 0; i < count; i++) {
            int keyByte = (int) ((position + i) & 3);
            bytes[i] ^= (byte) (maskKey >> (24 - 8 * keyByte));
        }
    }

    /** Appends to the wire buffer, writing a chunk each time one is complete. */
    private void put(byte[] bytes, int offset, int length) throws IOException {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int take = Math.min(nextWrite - wireFill, end - at);
            System.arraycopy(bytes, at, wire, wireFill, take);
            wireFill += take;
            at += take;
            if (wireFill == nextWrite) {
                emit(wireFill);
            }
        }
    }

    private void emit(int count) throws IOException {
        out.write(wire, 0, count);
        out.flush();
        bytesWritten.addAndGet(count);
        wireFill = 0;
        nextWrite = drawWriteSize();
    }

    private int drawWriteSize() {
        return switch (chunking) {
            case BULK -> SLICE;
            case BYTEWISE -> 1;
            case RANDOM -> (int) Math.min(SLICE, Math.round(Math.exp(writeRandom.nextDouble() * Math.log(SLICE))));
        };
    }

    private void setWriterState(String state) {
        writerState = state;
        writerStateSince = System.nanoTime();
    }

    // ---------------------------------------------------------------- reading (reader thread)

    private void readLoop() {
        byte[] buffer = new byte[SLICE];
        long nextStall = System.nanoTime() + stallGap();
        long closeFrameAt = 0;
        try {
            while (true) {
                if (gated) {
                    awaitGate();
                }
                if (pacing == ReadPacing.STALLING && System.nanoTime() - nextStall > 0) {
                    long stall = 2_000 + readRandom.nextInt(4_000);
                    Thread.sleep(stall);
                    lastByteNanos += TimeUnit.MILLISECONDS.toNanos(stall); // our own stall does not count
                    nextStall = System.nanoTime() + stallGap();
                }
                int size = switch (pacing) {
                    case EAGER -> SLICE;
                    case TRICKLE -> 1 + readRandom.nextInt(16 * 1024);
                    case SLOW -> 1 + readRandom.nextInt(4096);
                    case STALLING -> 1 + readRandom.nextInt(SLICE);
                };
                int n;
                try {
                    n = in.read(buffer, 0, size);
                } catch (SocketTimeoutException e) {
                    if (stalled(closeFrameAt)) {
                        return;
                    }
                    continue;
                }
                if (n < 0) {
                    finish(parser.closed() ? End.CLOSED_AFTER_CLOSE_FRAME : End.EOF_WITHOUT_CLOSE_FRAME,
                            parser.closed() ? "" : "TCP closed (FIN) without a close frame; " + diagnostics());
                    return;
                }
                bytesRead += n;
                boolean wasClosed = parser.closed();
                parser.feed(buffer, 0, n);
                if (!wasClosed && parser.closed()) {
                    closeFrameAt = System.nanoTime();
                }
                synchronized (monitor) {
                    monitor.notifyAll();
                }
                if (stalled(closeFrameAt)) {
                    return;
                }
                if (pacing == ReadPacing.TRICKLE && readRandom.nextInt(4) == 0) {
                    Thread.sleep(1 + readRandom.nextInt(3));
                } else if (pacing == ReadPacing.SLOW && readRandom.nextInt(3) == 0) {
                    Thread.sleep(1 + readRandom.nextInt(10));
                }
            }
        } catch (ServerFrameParser.Violation e) {
            finish(End.VIOLATION, e.getMessage() + "; " + diagnostics());
        } catch (SocketException e) {
            finish(aborting ? End.ABORTED : parser.closed() ? End.CLOSED_AFTER_CLOSE_FRAME : End.RESET_WITHOUT_CLOSE_FRAME,
                    parser.closed() ? "" : "TCP reset without a close frame (" + e.getMessage() + "); " + diagnostics());
        } catch (IOException e) {
            finish(aborting ? End.ABORTED : End.RESET_WITHOUT_CLOSE_FRAME, "read failed: " + e + "; " + diagnostics());
        } catch (InterruptedException e) {
            finish(End.ABORTED, "interrupted");
        } catch (RuntimeException | Error e) {
            finish(End.VIOLATION, "reader failed: " + e);
        }
    }

    /** Ends the connection if the server owes something and makes no progress; {@code true} if it did. */
    private boolean stalled(long closeFrameAt) {
        long now = System.nanoTime();
        if (parser.closed()) {
            if (now - closeFrameAt > TimeUnit.MILLISECONDS.toNanos(TCP_CLOSE_MILLIS)) {
                finish(End.TCP_LEFT_OPEN, "the server did not close TCP within " + TCP_CLOSE_MILLIS + " ms of its close frame");
                return true;
            }
        } else if (!events.owed()) {
            lastByteNanos = now; // silence is fine while nothing is owed
        } else if (now - lastByteNanos > TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
            finish(End.STALL, "no progress from the server for " + stallMillis / 1000
                    + " s while owed an echo, pong or close; " + diagnostics());
            return true;
        }
        return false;
    }

    private void awaitGate() throws InterruptedException {
        long from = System.nanoTime();
        long until = from + TimeUnit.MILLISECONDS.toNanos(MAX_GATE_MILLIS);
        synchronized (monitor) {
            while (gated && System.nanoTime() - until < 0) {
                monitor.wait(TICK_MILLIS);
            }
            gated = false;
        }
        lastByteNanos += System.nanoTime() - from; // time with reads held does not count
    }

    private long stallGap() {
        return TimeUnit.MILLISECONDS.toNanos(1_000 + readRandom.nextInt(5_000));
    }

    private void finish(End how, String detail) {
        if (end != null) {
            return;
        }
        end = how;
        try {
            events.onEnd(how, detail);
        } finally {
            synchronized (monitor) {
                monitor.notifyAll();
            }
            if (how != End.CLOSED_AFTER_CLOSE_FRAME) {
                closeQuietly();
            }
        }
    }

    /** How the connection ended, or null while it is open. */
    public End end() {
        return end;
    }

    public String diagnostics() {
        long now = System.nanoTime();
        return String.format("last progress from the server %.1f s ago; read %,d bytes (%,d frames%s), wrote %,d bytes;"
                        + " writer %s for %.1f s; server pings %d, pongs sent %d (%s), owed pongs %d; read pacing %s",
                (now - lastByteNanos) / 1e9, bytesRead, parser.frames(), parser.inMessage() ? ", inside a message" : "",
                bytesWritten.get(), writerState, (now - writerStateSince) / 1e9, serverPings.get(), pongsSent.get(),
                pongPolicy, owedPongs.size(), pacing);
    }

    public long serverPings() {
        return serverPings.get();
    }

    public long bytesWritten() {
        return bytesWritten.get();
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Waits for the reader thread to end (after the connection ended). */
    public void join(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** Closes the socket at once (the reader reports {@link End#ABORTED}); safe on any thread. */
    public void abort() {
        aborting = true;
        closeQuietly();
    }

    public boolean closeSent() {
        return closeSent;
    }

    @Override
    public void close() {
        aborting = end == null;
        closeQuietly();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            http.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Answers the server's pings as the policy says, then passes every event on. */
    private final class PingAnswerer implements ServerFrameParser.Listener {
        @Override
        public void onMessageStart(boolean text) {
            lastByteNanos = System.nanoTime();
            events.onMessageStart(text);
        }

        @Override
        public void onMessageData(byte[] bytes, int offset, int length) {
            lastByteNanos = System.nanoTime();
            events.onMessageData(bytes, offset, length);
        }

        @Override
        public void onMessageEnd() {
            lastByteNanos = System.nanoTime();
            events.onMessageEnd();
        }

        @Override
        public void onControl(int opCode, byte[] payload) {
            if (opCode != OP_PING) {
                lastByteNanos = System.nanoTime();
            } else {
                serverPings.incrementAndGet();
                long delay = switch (pongPolicy) {
                    case AT_ONCE -> 0;
                    case LATE -> TimeUnit.MILLISECONDS.toNanos(500 + readRandom.nextInt(3_500));
                    case NEVER -> -1;
                };
                if (delay >= 0) {
                    owedPongs.add(new OwedPong(payload, System.nanoTime() + delay));
                }
            }
            events.onControl(opCode, payload);
        }
    }
}
