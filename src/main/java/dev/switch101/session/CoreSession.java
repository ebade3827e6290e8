package dev.switch101.session;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionStack;
import dev.switch101.extension.TransformContext;
import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.FrameParser;
import dev.switch101.frame.FrameParserConfig;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;
import dev.switch101.session.CloseState.InputEnd;

/**
 * The state of one WebSocket connection between the transport and the application's
 * {@link FrameHandler}: it parses what the transport reads, answers pings, runs the close
 * handshake (RFC 6455 §7) and hands everything else to the handler, in order, on the
 * connection's {@link SerialExecutor}: by default never on the transport's I/O thread.
 *
 * <p><b>Inline callbacks</b> (opt-in, for handlers that do not block): when the connection has
 * nothing queued for the executor and room in its outbound queue, the callbacks for what a read
 * brings run on the reading thread itself, which saves a thread hop per message. The container
 * cannot deliver this connection's write events meanwhile, so sends from such a callback never
 * wait: the transport keeps their frames past its queue's capacity, up to a bound, and fails the
 * send beyond it (a peer that does not read what one read's callbacks send). A read that finds
 * the queue full dispatches to the executor as usual, where sends wait: back-pressure is kept.
 *
 * <p><b>Opening and closing without a hop.</b> The engine's own part of a close (answering the
 * peer's close frame, failing on a protocol error) runs on the reading thread when nothing is
 * queued for the executor. A handler whose {@code onOpen} or {@code onClose} runs none of the
 * application's code ({@link FrameHandler#opensWithoutWaiting},
 * {@link FrameHandler#closesWithoutWaiting}) is told there too: a connection that only opens and
 * closes then costs no thread handoff at all.
 *
 * <p><b>The close travels behind the data.</b> A close frame or a protocol error from the peer
 * ends the input at once (what follows is read and dropped), but it is acted on in the same queue as
 * the messages before it: every message received before it is delivered first, and whatever the
 * handler sends while handling them goes out before our close frame. If that makes no progress
 * (nothing written) for a close timeout, the close is answered without waiting any more.
 *
 * <p><b>Read back-pressure</b> ({@link InboundBacklog}): what has been read but not yet handled —
 * payload bytes plus a cost per queued callback, control frames and empty messages included — is
 * bounded; past the bound the transport pauses reading, and {@link Transport#demand()} resumes it
 * once the handler has caught up. An extension that produces more than it reads (inflation)
 * stops while the backlog is full and keeps what it has not processed; the input behind it waits
 * too (at most one read), and the application thread that brings the backlog down goes on with
 * both before reading resumes.
 *
 * <p><b>Lifetime.</b> Every path ends with the TCP connection closed: after the close handshake,
 * after a failure, or, if the peer does not cooperate (it does not answer our close frame, or
 * does not read what we flush), by an abort one close timeout later. The session counts as
 * finished ({@link #onFinished}) once the handler has been told and the container has destroyed
 * the connection — or, should the container never say so, one close timeout after it was closed.
 * Where the connection is in its ending, and which of these steps is due, is {@link CloseState}'s
 * bookkeeping; this class acts on it.
 *
 * <p>The engine-side methods here are for the transport ({@code dev.switch101.io}) and the
 * session registry; the handler sees only a {@link WebSocketSession} view.
 */
public final class CoreSession {

    private static final System.Logger LOG = System.getLogger(CoreSession.class.getName());

    /** Read buffers' worth of unhandled input at which reading pauses. */
    static final int MAX_BACKLOG_READS = 4;

    private final FrameHandler handler;
    private final HandshakeInfo handshake;
    private final Limits limits;
    private final Transport transport;
    private final SerialExecutor dispatch;
    /** Whether callbacks may run on the reading thread (see {@link #onBytes}). */
    private final boolean inlineCallbacks;
    /** The reading thread while it runs callbacks inline, or {@code null}. */
    private volatile Thread inlineThread;
    private final FrameParser parser;
    private final ExtensionStack extensions;
    private final InboundFrames frames;
    private final OutboundMessages outbound;
    private final InboundBacklog backlog;
    /** Read bytes not parsed yet because an extension suspended the input (a copy; at most one read). */
    private ByteBuffer heldInput;
    private final WebSocketSession view = new View();
    private final CloseState ending;
    private volatile long lastActivity = System.nanoTime();
    private volatile long lastWritten = lastActivity;
    private final InputClocks inputClocks;
    /** The idle timeout in force: the limits' until the application sets its own. */
    private volatile long idleTimeoutNanos;
    /**
     * Reading is paused for the handler's backlog: the peer is waiting for us, so neither its
     * idle clock nor its frame clock runs (they restart when reading resumes).
     */
    private volatile boolean inputPaused;
    private Runnable onFinished = () -> { };

    /**
     * @param handler   the application side
     * @param handshake what the opening handshake carried and negotiated
     * @param limits    the connection's limits
     * @param transport the byte pipe under the session
     * @param executor  where handler callbacks run, one at a time per connection
     */
    public CoreSession(FrameHandler handler, HandshakeInfo handshake, Limits limits, Transport transport,
            Executor executor) {
        this(handler, handshake, limits, transport, executor, List.of());
    }

    /**
     * @param handler    the application side
     * @param handshake  what the opening handshake carried and negotiated
     * @param limits     the connection's limits
     * @param transport  the byte pipe under the session
     * @param executor   where handler callbacks run, one at a time per connection
     * @param extensions the negotiated extensions, in the order of the handshake's answer
     */
    public CoreSession(FrameHandler handler, HandshakeInfo handshake, Limits limits, Transport transport,
            Executor executor, List<Extension> extensions) {
        this(handler, handshake, limits, transport, executor, extensions, false);
    }

    /**
     * @param handler         the application side
     * @param handshake       what the opening handshake carried and negotiated
     * @param limits          the connection's limits
     * @param transport       the byte pipe under the session
     * @param executor        where handler callbacks run, one at a time per connection
     * @param extensions      the negotiated extensions, in the order of the handshake's answer
     * @param inlineCallbacks run the callbacks for what a read brings on the reading thread when
     *                        nothing of the connection is queued (see {@link #onBytes})
     */
    public CoreSession(FrameHandler handler, HandshakeInfo handshake, Limits limits, Transport transport,
            Executor executor, List<Extension> extensions, boolean inlineCallbacks) {
        this.inlineCallbacks = inlineCallbacks;
        this.handler = handler;
        this.handshake = handshake;
        this.limits = limits;
        this.transport = transport;
        // The replies to a batch of callbacks leave in one flush, at the batch's end.
        this.dispatch = new SerialExecutor(executor, transport::flush);
        this.backlog = new InboundBacklog((long) MAX_BACKLOG_READS * limits.readBufferSize(), this::resumeInput);
        this.frames = new InboundFrames(new Inbound(), limits.maxMessageSize());
        this.extensions = new ExtensionStack(extensions, frames,
                new TransformContext(limits.readBufferSize(), OutboundMessages.maxFramePayload(limits),
                        backlog::isFull, this::stopParsing));
        this.parser = new FrameParser(new FrameParserConfig(true, wireFrameLimit(limits, this.extensions)),
                this.extensions.incoming());
        this.parser.setAllowedRsv(this.extensions.rsvBits());
        this.outbound = new OutboundMessages(transport, limits, this.extensions);
        this.idleTimeoutNanos = limits.idleTimeout().toNanos();
        this.inputClocks = new InputClocks(limits);
        this.ending = new CloseState(limits.closeTimeout().toNanos());
    }

    /**
     * The largest frame payload read from the wire. With an extension that transforms payloads
     * (permessage-deflate), a frame may be an eighth larger than the limit: incompressible data
     * grows a little when compressed (block headers; more with a small compressor memory), and a
     * message the size of the limit must still fit in one frame. The message limit applies to
     * the transformed (inflated) size, exactly.
     */
    static long wireFrameLimit(Limits limits, ExtensionStack extensions) {
        long limit = limits.maxFramePayload();
        return extensions.rsvBits() == 0 ? limit : limit + limit / 8;
    }

    /** Runs once when the session is over: the handler was told and the TCP connection is closed. */
    public void onFinished(Runnable action) {
        this.onFinished = action;
    }

    /** The application's view of this connection. */
    public WebSocketSession view() {
        return view;
    }

    /**
     * The connection is up: tells the handler. Call once the transport can write and before any
     * bytes are passed in, so that {@code onOpen} comes first and may send at once.
     */
    public void start() {
        Runnable open = () -> handler.onOpen(view);
        if (inlineCallbacks && transport.beginInline()) {
            runInline(() -> deliver(open)); // the hop to the executor would cost a thread handoff per connection
        } else if (!(handler.opensWithoutWaiting() && dispatch.runAloneHereIfIdle(guarded(open)))) {
            deliver(open);
        }
    }

    // --- inbound, on the transport's I/O thread ---------------------------------------------

    /**
     * Bytes the transport read. They are valid only during the call: the transport reads into
     * the buffer again, or lends it to another connection, once this returns — so nothing here
     * may keep a view of it (what the handler gets is copied; input an extension's suspension
     * leaves unparsed is copied; the inflater copies what it has not consumed).
     *
     * @return {@code true} to go on reading; {@code false} to pause until
     *         {@link Transport#demand()} (the handler has a backlog)
     */
    public boolean onBytes(ByteBuffer bytes) {
        long now = System.nanoTime();
        lastActivity = now;
        if (ending.inputEnded()) {
            // After the close frame (or a protocol error) input is dropped (RFC 6455 §1.4), but
            // still read: a socket closed with unread input is reset, and a reset can destroy
            // our last frames on their way to the peer.
            return true;
        }
        long framesBefore = frames.framesEnded();
        long messagesBefore = frames.messagesEnded();
        if (inlineCallbacks && dispatch.isIdle() && transport.beginInline()) {
            runInline(() -> parse(bytes));
        } else {
            parse(bytes);
        }
        inputClocks.afterRead(now, parser.isBetweenFrames(), frames.framesEnded() != framesBefore,
                frames.inMessage(), frames.messagesEnded() != messagesBefore);
        boolean readOn = continueInput();
        inputPaused = !readOn;
        return readOn;
    }

    /**
     * Runs {@code work} (parsing a read, or opening the session) with the callbacks it submits
     * running here, on the container's thread, without a hop to the executor: the handler's
     * replies are written as they are sent and flushed once, at the end. The transport lets sends
     * keep frames beyond its queue's capacity meanwhile (this thread holds up the container's
     * write events); the next read, if the queue is still full then, dispatches instead, so a
     * peer that does not read slows the handler as usual. Anything already queued for the
     * executor keeps its place: a callback runs here only while the connection's queue is empty.
     */
    private void runInline(Runnable work) {
        boolean wasInline = InlineCallbacks.enter();
        inlineThread = Thread.currentThread();
        try {
            work.run();
        } finally {
            inlineThread = null;
            InlineCallbacks.exit(wasInline);
            transport.flush();
            transport.endInline();
        }
    }

    /** Parses what was read; what an extension's suspension leaves unparsed is kept. */
    private void parse(ByteBuffer bytes) {
        try {
            parser.parse(bytes);
        } catch (ProtocolException e) {
            endInput(new InputEnd(null, e), true);
            return;
        }
        if (bytes.hasRemaining()) {
            heldInput = bytes == heldInput ? bytes : copyOf(bytes);
        }
    }

    /**
     * Goes on with the input an extension held back while the handler keeps up, on whichever
     * thread owns the input: the reader's, or the application thread that resumes a paused reader
     * (the reader reads nothing until {@link Transport#demand()}).
     *
     * @return {@code true} to read on; {@code false} to pause until {@link #resumeInput()} runs
     */
    private boolean continueInput() {
        while (true) {
            if (ending.inputEnded()) {
                heldInput = null;
                return true;
            }
            if (backlog.shouldPause()) {
                return false; // resumeInput() runs once the handler has caught up
            }
            if (!extensions.isSuspended() && heldInput == null) {
                return true;
            }
            try {
                if (!extensions.resume()) {
                    continue;
                }
            } catch (ProtocolException e) {
                endInput(new InputEnd(null, e), true);
                continue;
            }
            ByteBuffer held = heldInput;
            heldInput = null;
            if (held != null) {
                parse(held);
            }
        }
    }

    /** The handler caught up with a paused reader: held input first, then reading resumes. */
    private void resumeInput() {
        if (continueInput()) {
            long now = System.nanoTime();
            lastActivity = now;
            inputClocks.restart(now);
            inputPaused = false;
            transport.demand();
        }
    }

    /** An extension cannot take more input for now: the parser returns behind the current event. */
    private void stopParsing() {
        parser.stop();
    }

    /** The peer closed its side of the TCP connection. */
    public void onEndOfInput() {
        switch (ending.peerEndedInput()) {
            case CLOSE_NOW -> transport.closeAfterFlush(); // we failed the connection; the peer has stopped sending
            case CLOSE_GOES_ON -> { } // a half-close after its close frame, or while we finish
            case ABNORMAL -> closeAbnormally(null);
        }
    }

    /** The transport failed (reset, container shutdown); a plain end of stream counts as {@link #onEndOfInput}. */
    public void onTransportError(Throwable cause) {
        if (cause instanceof EOFException) {
            onEndOfInput();
        } else {
            closeAbnormally(cause);
        }
    }

    /** The transport has closed the TCP connection (or asked the container to). */
    public void onConnectionClosed() {
        ending.connectionClosed(System.nanoTime());
        // Native compressor memory is freed now, or by its user as soon as it is done with it.
        extensions.close();
        // Whatever the handler was told so far, the connection is gone: nothing more will come.
        reportClose(new CloseStatus(CloseCodes.ABNORMAL, ""), null);
        finishIfDone();
    }

    /**
     * The container is done with the connection ({@code HttpUpgradeHandler.destroy}): the
     * session stops being counted once the handler has been told, too.
     */
    public void onDestroyed() {
        ending.destroyed();
        onConnectionClosed();
    }

    /** Bytes went out: the connection is not idle, and the peer is taking what we send. */
    public void onWritten() {
        long now = System.nanoTime();
        lastActivity = now;
        lastWritten = now;
    }

    /**
     * Ends the input; the close or failure is acted on behind the deliveries already queued.
     *
     * @param byInputOwner whether the caller is the thread that delivers input (the reader, or
     *                     the thread resuming it), which then acts at once when nothing is queued
     */
    private void endInput(InputEnd end, boolean byInputOwner) {
        if (!ending.endInput(end, System.nanoTime())) {
            return;
        }
        if (byInputOwner && inlineThread != Thread.currentThread() && dispatch.isIdle()) {
            // Only this thread queues input, and nothing is queued: acting here keeps the order
            // and saves the executor a hop. It is the engine's own work; the handler's onClose
            // is queued from it as usual (see reportClose). Inline, submit runs it here anyway.
            handleInputEnd();
        } else {
            submit(this::handleInputEnd);
        }
    }

    /** On the handler's queue, or from the sweeper once the close timeout has passed. */
    private void handleInputEnd() {
        InputEnd end = ending.takeInputEnd();
        if (end == null) {
            return;
        }
        if (end.error() != null) {
            fail(end.error().closeCode(), end.error().getMessage(), end.error());
        } else {
            answerClose(end.status());
        }
    }

    private void answerClose(CloseStatus status) {
        CloseState.PeerCloseAnswer answer = ending.answerPeerClose(status, System.nanoTime());
        if (answer == null) {
            return;
        }
        // Reported before the transport is asked to close: a close it completes at once must
        // not be taken for a dropped connection.
        if (answer.report() != null) {
            reportClose(answer.report(), null);
        }
        if (answer.reply() != null) {
            transport.writeClose(closeFrame(answer.reply()));
        }
        transport.closeAfterFlush();
    }

    private final class Inbound implements InboundFrames.Events {
        @Override
        public void onDataPart(MessageType type, ByteBuffer part, boolean last) {
            if (ending.inputEnded()) {
                return;
            }
            ByteBuffer copy = copyOf(part);
            deliverInput(copy.remaining(), () -> {
                if (!handlerToldOfClose()) {
                    handler.onMessagePart(type, copy, last);
                }
            });
        }

        @Override
        public void onPing(ByteBuffer payload) {
            if (!ending.answersPings()) {
                return; // no frame may follow a close frame
            }
            // RFC 6455 §5.5.2: a pong with the same payload, as soon as practical — ahead of
            // queued data. The transport bounds how many may wait for a peer that does not read.
            if (!transport.writeControl(OutboundMessages.frame(true, OpCode.PONG, payload, payload.remaining()))) {
                throw new ProtocolException(CloseCodes.POLICY_VIOLATION,
                        "Too many pings whose pongs the peer does not read");
            }
        }

        @Override
        public void onPong(ByteBuffer payload) {
            if (ending.inputEnded()) {
                return;
            }
            ByteBuffer copy = copyOf(payload);
            deliverInput(copy.remaining(), () -> {
                if (!handlerToldOfClose()) {
                    handler.onPong(copy);
                }
            });
        }

        @Override
        public void onClose(CloseStatus status) {
            endInput(new InputEnd(status, null), true);
        }
    }

    // --- outbound, on application threads -------------------------------------------------

    /**
     * Whether {@code onClose} has run. Input read before it is delivered whatever ended the
     * connection meanwhile — our close frame, a failure, the peer's TCP close without a close frame —
     * since its report queues behind that input; input read after it never reaches the handler.
     */
    private boolean handlerToldOfClose() {
        return ending.handlerTold();
    }

    private void send(MessageType type, ByteBuffer data, boolean whole, boolean last, Object message)
            throws IOException {
        ensureOpen();
        // From a callback with more callbacks of this connection waiting: the flush waits for the
        // batch's end, so that the replies to a burst of messages leave in one write. (Like
        // Netty's flush after a read batch: the reply waits for the callbacks already queued
        // behind it, never for new input.) A callback running inline leaves the flush to the
        // reading thread, after the read.
        boolean flush = inlineThread != Thread.currentThread() && !dispatch.moreQueuedForCurrentThread();
        try {
            if (whole) {
                outbound.sendMessage(type, data, flush);
            } else {
                outbound.sendPart(type, data, last, flush, message);
            }
        } catch (IOException e) {
            if (e.getCause() instanceof TimeoutException || e instanceof OutboundMessages.MessageCutShort) {
                // The peer does not read, or the message was cut short (an interrupted wait for
                // room): it can never be finished, so the connection cannot go on. There is no
                // point in a close frame that would follow half a message.
                closeAbnormally(e);
            }
            throw e;
        }
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

    private void ensureOpen() throws IOException {
        if (!ending.isOpen()) {
            throw new IOException("The WebSocket connection is closed");
        }
    }

    /**
     * Starts the close handshake (RFC 6455 §7.1.2) with a code that may be sent on the wire.
     *
     * @throws IllegalArgumentException for 1005, 1006, 1015 or any code §7.4 does not allow in a close frame
     */
    public void close(int code, String reason) {
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("Close code " + code + " may not be sent in a close frame");
        }
        CloseStatus status = new CloseStatus(code, reason == null ? "" : reason);
        if (ending.startClose(status, System.nanoTime())) {
            transport.writeClose(closeFrame(status));
        }
    }

    // --- timeouts, from the session sweeper -------------------------------------------------

    /** Enforces the idle, frame, message and close timeouts; called periodically. */
    public void checkTimeouts(long now) {
        CloseState.Due due = ending.due(now, idleTimeoutNanos, lastActivity, lastWritten, inputPaused);
        String inputLate = due.inputClocksRun() ? inputClocks.overrun(now) : null;
        if (inputLate != null) {
            // Like a protocol error: the input ends here (what follows is read and dropped), and
            // the failure is answered behind the messages before it.
            endInput(new InputEnd(null, new ProtocolException(CloseCodes.POLICY_VIOLATION, inputLate)), false);
        } else if (due.idleClose()) {
            close(CloseCodes.GOING_AWAY, "Idle timeout");
        }
        if (due.answerInputEnd()) {
            handleInputEnd();
        }
        if (due.unanswered() != null) {
            reportClose(due.unanswered(), null);
        }
        if (due.quietAfterFailure()) {
            transport.closeAfterFlush();
        }
        if (due.abort()) {
            transport.abort();
        }
        finishIfDone();
    }

    // --- failing and closing ----------------------------------------------------------------

    /**
     * Fails the connection (RFC 6455 §7.1.7): a close frame with the code, then TCP close.
     */
    void fail(int code, String reason, Throwable cause) {
        // CloseStatus.toPayload truncates a long reason to 123 bytes on a code point boundary.
        CloseStatus status = new CloseStatus(code, reason == null ? "" : reason);
        CloseState.Failing failing = ending.fail(System.nanoTime());
        if (failing == CloseState.Failing.ALREADY_CLOSING) {
            return;
        }
        LOG.log(Level.DEBUG, "Failing WebSocket connection with {0}: {1}", code, reason);
        reportClose(status, cause);
        if (failing == CloseState.Failing.WITH_CLOSE_FRAME) {
            transport.writeClose(closeFrame(status));
        }
        lingerThenClose();
    }

    /**
     * Closes TCP once the peer has stopped sending. A socket closed with unread input is reset,
     * and a reset can destroy our close frame before the peer has read it — a peer still sending
     * the message we refused with 1009, say, would see a broken pipe instead of our close code.
     * So after failing, what the peer sends is read and dropped, and TCP is closed when the peer
     * closes its side, answers our close frame, or has sent nothing for
     * {@link CloseState#LINGER_QUIET_NANOS} ({@link #checkTimeouts}); a peer that keeps sending is
     * dropped one close timeout later, like any close that makes no progress.
     */
    private void lingerThenClose() {
        if (!ending.lingerWhilePeerSends()) {
            transport.closeAfterFlush();
        }
    }

    /** Drops the connection now, without a close handshake (the application is stopping). */
    public void abort() {
        closeAbnormally(null);
    }

    private void closeAbnormally(Throwable cause) {
        ending.abort(System.nanoTime());
        reportClose(new CloseStatus(CloseCodes.ABNORMAL, ""), cause);
        transport.abort();
    }

    /** Tells the handler, once, behind every callback already queued. */
    private void reportClose(CloseStatus status, Throwable cause) {
        if (!ending.reportClose()) {
            return;
        }
        Runnable report = () -> {
            if (cause != null) {
                invoke(() -> handler.onError(cause));
            }
            invoke(() -> handler.onClose(status));
            ending.markHandlerTold();
            finishIfDone();
        };
        // With no callback queued or running, a handler whose close never waits is told here,
        // on whichever thread learned of the close, instead of one more thread handoff.
        if (!(handler.closesWithoutWaiting() && dispatch.runAloneHereIfIdle(report))) {
            dispatch.execute(report);
        }
    }

    private void finishIfDone() {
        if (ending.finish()) {
            onFinished.run();
        }
    }

    /** Delivers input to the handler, counted in the read backlog until the callback has run. */
    private void deliverInput(int payloadBytes, Runnable callback) {
        long cost = backlog.add(payloadBytes);
        deliver(() -> {
            try {
                callback.run();
            } finally {
                backlog.done(cost);
            }
        });
    }

    /** Runs a handler callback on the connection's serial executor; a failure fails the connection with 1011. */
    private void deliver(Runnable callback) {
        submit(guarded(callback));
    }

    /** The callback, a failure of which fails the connection with 1011. */
    private Runnable guarded(Runnable callback) {
        return () -> {
            try {
                callback.run();
            } catch (Exception e) {
                // Exception, not just RuntimeException: other JVM languages (and "sneaky throws")
                // throw checked exceptions from methods that do not declare them.
                LOG.log(Level.WARNING, "WebSocket handler failed; closing with 1011", e);
                fail(CloseCodes.INTERNAL_ERROR, "Internal error", e);
            }
        };
    }

    /** Runs a task here if this is the reading thread running callbacks inline and nothing is queued; else queues it. */
    private void submit(Runnable task) {
        if (inlineThread == Thread.currentThread() && dispatch.runHereIfIdle(task)) {
            return;
        }
        dispatch.execute(task);
    }

    private static void invoke(Runnable callback) {
        try {
            callback.run();
        } catch (Exception e) { // checked ones too, see deliver
            LOG.log(Level.WARNING, "WebSocket handler failed while closing", e);
        }
    }

    /** A copy the handler may keep: the parser's view is of a read buffer that is reused. */
    static ByteBuffer copyOf(ByteBuffer view) {
        return ByteBuffer.allocate(view.remaining()).put(view).flip();
    }

    private static byte[] closeFrame(CloseStatus status) {
        ByteBuffer payload = status.toPayload();
        return OutboundMessages.frame(true, OpCode.CLOSE, payload, payload.remaining());
    }

    /** What the handler sees: the application API, without the engine-side methods. */
    private final class View implements WebSocketSession {
        @Override
        public HandshakeInfo handshake() {
            return handshake;
        }

        @Override
        public Limits limits() {
            return limits;
        }

        @Override
        public boolean isOpen() {
            return ending.isOpen();
        }

        @Override
        public void sendMessage(MessageType type, ByteBuffer data) throws IOException {
            send(type, data, true, true, null);
        }

        @Override
        public void sendPart(MessageType type, ByteBuffer part, boolean last, Object message) throws IOException {
            send(type, part, false, last, Objects.requireNonNull(message, "message"));
        }

        @Override
        public void sendPing(ByteBuffer payload) throws IOException {
            sendControl(OpCode.PING, payload);
        }

        @Override
        public void sendPong(ByteBuffer payload) throws IOException {
            sendControl(OpCode.PONG, payload);
        }

        @Override
        public void close(int code, String reason) {
            CoreSession.this.close(code, reason);
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Negative idle timeout");
            }
            idleTimeoutNanos = timeout.toNanos();
        }
    }
}
