package dev.switch101.session;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.FrameParser;
import dev.switch101.frame.FrameParserConfig;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;

/**
 * The state of one WebSocket connection between the transport and the application's
 * {@link FrameHandler}: it parses what the transport reads, answers pings, runs the close
 * handshake (RFC 6455 §7) and hands everything else to the handler, in order, on the
 * connection's {@link SerialExecutor} — never on the transport's I/O thread.
 *
 * <p>A close frame or a protocol error is acted on as soon as it is read, on the I/O thread:
 * RFC 6455 §5.5.1 lets the close go first, and a container (Tomcat) only really closes an
 * upgraded connection that was closed from one of its own threads. Replies the handler has
 * not sent by then are refused.
 *
 * <p>Read back-pressure: data read but not yet consumed by the handler (the backlog) is
 * bounded. Once it reaches {@link #MAX_BACKLOG_READS} read buffers, the session asks the
 * transport to stop reading, and to resume ({@link Transport#demand()}) when the handler has
 * caught up — so a fast peer and a slow application never grow memory.
 */
public final class CoreSession implements WebSocketSession, InboundFrames.Events {

    private static final System.Logger LOG = System.getLogger(CoreSession.class.getName());

    /** The backlog, in read buffers, at which reading pauses. */
    static final int MAX_BACKLOG_READS = 4;

    /**
     * The payload of the pings the transport may send to make the peer send something (a
     * pong), which some containers need before they call the reader again. Their pongs are the
     * engine's, not the application's.
     */
    static final byte[] RESUME_PING = {'s', 'w', 'i', 't', 'c', 'h', '1', '0', '1'};

    private enum State {
        /** Frames flow both ways. */
        OPEN,
        /** We sent a close frame and wait for the peer's (bounded by the close timeout). */
        CLOSE_SENT,
        /** Done: the TCP connection is closed or closing. */
        CLOSED
    }

    private final FrameHandler handler;
    private final HandshakeInfo handshake;
    private final Limits limits;
    private final Transport transport;
    private final SerialExecutor dispatch;
    private final FrameParser parser;
    private final OutboundMessages outbound;

    private State state = State.OPEN;
    /** A close frame or a protocol error ended the input: whatever follows is ignored. */
    private boolean inputClosed;
    private CloseStatus closeSent;
    private boolean closeReported;
    private boolean dataDispatched;
    private final AtomicLong backlog = new AtomicLong();
    private final long maxBacklog;
    private volatile long lastActivity = System.nanoTime();
    private volatile long closeSentAt;
    private Runnable onClosed = () -> { };

    public CoreSession(FrameHandler handler, HandshakeInfo handshake, Limits limits, Transport transport,
            Executor executor) {
        this.handler = handler;
        this.handshake = handshake;
        this.limits = limits;
        this.transport = transport;
        this.dispatch = new SerialExecutor(executor);
        this.parser = new FrameParser(new FrameParserConfig(true, limits.maxFramePayload()),
                new InboundFrames(this, limits.maxMessageSize()));
        this.outbound = new OutboundMessages(transport, limits);
        this.maxBacklog = (long) MAX_BACKLOG_READS * limits.readBufferSize();
    }

    /** Runs when the connection has closed (after the handler was told); for bookkeeping. */
    public void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** The connection is up: tells the handler. Call before any bytes are passed in. */
    public void start() {
        deliver(() -> handler.onOpen(this));
    }

    // --- inbound, on the transport's I/O thread ---------------------------------------------

    /**
     * Bytes the transport read.
     *
     * @return {@code true} to go on reading; {@code false} to pause until {@link Transport#demand()}
     */
    public boolean onBytes(ByteBuffer bytes) {
        touch();
        synchronized (this) {
            if (state == State.CLOSED || inputClosed) {
                return true; // after the close, data is ignored (RFC 6455 §1.4)
            }
            dataDispatched = false;
        }
        try {
            parser.parse(bytes);
        } catch (ProtocolException e) {
            synchronized (this) {
                inputClosed = true;
            }
            fail(e.closeCode(), e.getMessage(), e);
            return true;
        }
        synchronized (this) {
            if (!dataDispatched || backlog.get() < maxBacklog) {
                return true;
            }
        }
        // Resume reading once the handler has taken everything read so far.
        dispatch.execute(transport::demand);
        return false;
    }

    /** The peer closed its side of the TCP connection. */
    public void onEndOfInput() {
        closeAbnormally(null);
    }

    /** The transport failed (reset, timeout, container shutdown). */
    public void onTransportError(Throwable cause) {
        closeAbnormally(cause);
    }

    /** Bytes went out: the connection is not idle. */
    public void touch() {
        lastActivity = System.nanoTime();
    }

    @Override
    public void onDataPart(MessageType type, ByteBuffer part, boolean last) {
        synchronized (this) {
            if (state != State.OPEN || inputClosed) {
                return; // we are closing: the application asked for no more
            }
            dataDispatched = true;
        }
        ByteBuffer copy = copyOf(part);
        int size = copy.remaining();
        backlog.addAndGet(size);
        deliver(() -> {
            try {
                handler.onMessagePart(type, copy, last);
            } finally {
                backlog.addAndGet(-size);
            }
        });
    }

    @Override
    public void onPing(ByteBuffer payload) {
        synchronized (this) {
            if (state != State.OPEN || inputClosed) {
                return; // no frame may follow our close frame
            }
        }
        // RFC 6455 §5.5.2: a pong with the same payload, as soon as practical. (Should our close
        // frame get queued first, the transport drops the pong.)
        if (!transport.writeControl(OutboundMessages.frame(true, OpCode.PONG, payload, payload.remaining()))) {
            throw new ProtocolException(CloseCodes.POLICY_VIOLATION, "Too many pings the peer does not read answers to");
        }
    }

    @Override
    public void onPong(ByteBuffer payload) {
        synchronized (this) {
            if (inputClosed) {
                return;
            }
        }
        if (payload.equals(ByteBuffer.wrap(RESUME_PING))) {
            return; // answers the transport's own ping, not the application's
        }
        ByteBuffer copy = copyOf(payload);
        deliver(() -> handler.onPong(copy));
    }

    @Override
    public void onClose(CloseStatus status) {
        synchronized (this) {
            if (inputClosed) {
                return;
            }
            inputClosed = true;
        }
        answerClose(status);
    }

    private void answerClose(CloseStatus status) {
        CloseStatus reported;
        CloseStatus reply = null;
        synchronized (this) {
            if (state == State.OPEN) {
                // The peer started the close: answer with the same code (RFC 6455 §5.5.1), then close TCP.
                reply = status.code() == CloseCodes.NO_STATUS ? status : new CloseStatus(status.code(), "");
                reported = status;
            } else if (state == State.CLOSE_SENT) {
                reported = closeSent; // the peer answered ours
            } else {
                return;
            }
            state = State.CLOSED;
        }
        if (reply != null) {
            transport.writeClose(closeFrame(reply));
        }
        transport.closeAfterFlush();
        reportClose(reported, null);
    }

    // --- outbound, on application threads -------------------------------------------------

    @Override
    public HandshakeInfo handshake() {
        return handshake;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public void sendMessage(MessageType type, ByteBuffer data) throws IOException {
        ensureOpen();
        try {
            outbound.sendMessage(type, data);
        } catch (IOException e) {
            failOnTimeout(e);
            throw e;
        }
    }

    @Override
    public void sendPart(MessageType type, ByteBuffer part, boolean last) throws IOException {
        ensureOpen();
        try {
            outbound.sendPart(type, part, last);
        } catch (IOException e) {
            failOnTimeout(e);
            throw e;
        }
    }

    private void failOnTimeout(IOException e) {
        if (e.getCause() instanceof TimeoutException) {
            // The peer does not read: the message can never be finished, so the
            // connection cannot go on. There is no point in a close frame it won't read.
            closeAbnormally(e);
        }
    }

    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        sendControl(OpCode.PING, payload);
    }

    @Override
    public void sendPong(ByteBuffer payload) throws IOException {
        sendControl(OpCode.PONG, payload);
    }

    /**
     * Sends the engine's own ping, to make the peer send a pong (see {@link #RESUME_PING}).
     * Not an application message: nothing happens if the connection is closing.
     */
    public void solicitInput() {
        synchronized (this) {
            if (state != State.OPEN || inputClosed) {
                return;
            }
        }
        transport.writeControl(OutboundMessages.frame(true, OpCode.PING, ByteBuffer.wrap(RESUME_PING),
                RESUME_PING.length));
    }

    private void sendControl(OpCode opCode, ByteBuffer payload) throws IOException {
        if (payload.remaining() > FrameWriter.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("Control frame payload over 125 bytes");
        }
        ensureOpen();
        if (!transport.writeControl(OutboundMessages.frame(true, opCode, payload.duplicate(), payload.remaining()))) {
            throw new IOException("Too many control frames waiting for the peer");
        }
    }

    private synchronized void ensureOpen() throws IOException {
        if (state != State.OPEN) {
            throw new IOException("The WebSocket connection is closed");
        }
    }

    @Override
    public void close(int code, String reason) {
        CloseStatus status = new CloseStatus(code, reason == null ? "" : reason);
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSE_SENT;
            closeSent = status;
            closeSentAt = System.nanoTime();
        }
        transport.writeClose(closeFrame(status));
    }

    // --- timeouts, from the session sweeper -------------------------------------------------

    /** Enforces the idle and close timeouts; called periodically. */
    public void checkTimeouts(long now) {
        State current;
        synchronized (this) {
            current = state;
        }
        long idle = limits.idleTimeout().toNanos();
        if (current == State.OPEN && idle > 0 && now - lastActivity > idle) {
            close(CloseCodes.GOING_AWAY, "Idle timeout");
        } else if (current == State.CLOSE_SENT && now - closeSentAt > limits.closeTimeout().toNanos()) {
            // The peer never answered our close frame (RFC 6455 §7.1.1): close TCP anyway.
            CloseStatus status;
            synchronized (this) {
                if (state != State.CLOSE_SENT) {
                    return;
                }
                state = State.CLOSED;
                status = closeSent;
            }
            transport.abort();
            reportClose(status, null);
        }
    }

    // --- failing and closing ----------------------------------------------------------------

    /**
     * Fails the connection (RFC 6455 §7.1.7): a close frame with the code, then TCP close.
     */
    public void fail(int code, String reason, Throwable cause) {
        // CloseStatus.toPayload truncates a long reason to 123 bytes on a code point boundary.
        CloseStatus status = new CloseStatus(code, reason == null ? "" : reason);
        boolean sendClose;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            sendClose = state == State.OPEN;
            state = State.CLOSED;
        }
        LOG.log(Level.DEBUG, "Failing WebSocket connection with {0}: {1}", code, reason);
        if (sendClose) {
            transport.writeClose(closeFrame(status));
        }
        transport.closeAfterFlush();
        reportClose(status, cause);
    }

    private void closeAbnormally(Throwable cause) {
        synchronized (this) {
            if (state == State.CLOSED) {
                // Already closing: let a queued close frame go out unless the transport itself failed.
                if (cause == null) {
                    return;
                }
            } else {
                state = State.CLOSED;
            }
        }
        transport.abort();
        reportClose(new CloseStatus(CloseCodes.ABNORMAL, ""), cause);
    }

    private void reportClose(CloseStatus status, Throwable cause) {
        synchronized (this) {
            if (closeReported) {
                return;
            }
            closeReported = true;
        }
        dispatch.execute(() -> {
            if (cause != null) {
                invoke(() -> handler.onError(cause));
            }
            invoke(() -> handler.onClose(status));
            onClosed.run();
        });
    }

    /** Runs a handler callback on the connection's serial executor; a failure fails the connection with 1011. */
    private void deliver(Runnable callback) {
        dispatch.execute(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "WebSocket handler failed; closing with 1011", e);
                fail(CloseCodes.INTERNAL_ERROR, "Internal error", e);
            }
        });
    }

    private static void invoke(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket handler failed while closing", e);
        }
    }

    /** The handler gets its own copy: the parser's buffer is reused for the next read. */
    private static ByteBuffer copyOf(ByteBuffer view) {
        return ByteBuffer.allocate(view.remaining()).put(view).flip();
    }

    private static byte[] closeFrame(CloseStatus status) {
        ByteBuffer payload = status.toPayload();
        return OutboundMessages.frame(true, OpCode.CLOSE, payload, payload.remaining());
    }
}
