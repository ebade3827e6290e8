package dev.switch101.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import dev.switch101.extension.Extension;
import dev.switch101.session.CoreSession;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.Sessions;
import dev.switch101.session.Transport;

/**
 * Switch101's {@link HttpUpgradeHandler} for WebSocket: after the 101 it wires the upgraded
 * connection's non-blocking streams to a {@link CoreSession}. It is the only class that
 * touches the {@link WebConnection}.
 */
public final class WebSocketUpgradeHandler implements HttpUpgradeHandler {

    private static final System.Logger LOG = System.getLogger(WebSocketUpgradeHandler.class.getName());
    private static final AtomicBoolean NO_IO_THREAD_WARNED = new AtomicBoolean();

    private final FrameHandler handler;
    private final HandshakeInfo handshake;
    private final Limits limits;
    private final boolean inlineCallbacks;
    private final Executor executor;
    private final Sessions sessions;
    private final ReadResumption resumption;
    private final List<Extension> extensions;
    private volatile CoreSession session;
    private volatile UpgradedConnection upgraded;
    private final AtomicBoolean abandoned = new AtomicBoolean();

    /**
     * @param handler   the application side of the connection
     * @param handshake what the handshake negotiated and carried
     * @param limits    the connection's limits
     * @param executor  where handler callbacks run
     * @param inlineCallbacks whether callbacks may run on the container thread that read their
     *                  input instead, when nothing of the connection is queued (the application
     *                  promises callbacks that do not block)
     * @param sessions   the application's open sessions (timeouts, shutdown)
     * @param resumption how reading restarts after back-pressure, for this container
     * @param extensions the negotiated extensions, in the order of the handshake's answer
     */
    public WebSocketUpgradeHandler(FrameHandler handler, HandshakeInfo handshake, Limits limits, Executor executor,
            boolean inlineCallbacks, Sessions sessions, ReadResumption resumption, List<Extension> extensions) {
        this.inlineCallbacks = inlineCallbacks;
        this.extensions = List.copyOf(extensions);
        this.handler = handler;
        this.handshake = handshake;
        this.limits = limits;
        this.executor = executor;
        this.sessions = sessions;
        this.resumption = resumption;
    }

    @Override
    public void init(WebConnection webConnection) {
        UpgradedConnection connection = new UpgradedConnection(webConnection, resumption.closesOnlyInCallbacks());
        upgraded = connection;
        try {
            ServletInputStream in = webConnection.getInputStream();
            ServletOutputStream out = webConnection.getOutputStream();
            Executor ioThread = connection.ioThread().orElse(null);
            InboundReader reader = new InboundReader(in, sessions.readBuffers(), limits.readBufferSize(),
                    effectiveResumption(ioThread), connection, ioThread);
            SessionRef ref = new SessionRef();
            OutboundFlusher flusher = new OutboundFlusher(connection, out, limits.outboundQueueSize(),
                    inlineOverflow(limits), ref::written, ref::failed, reader);
            CoreSession created = new CoreSession(handler, handshake, limits, new ServletTransport(flusher, reader),
                    executor, extensions, inlineCallbacks);
            ref.session = created;
            reader.bind(created);
            connection.onCloseFromOutside(reader::wake);
            connection.onClosed(created::onConnectionClosed);
            session = created;
            sessions.add(created);
            // The write listener first: onOpen may send at once. Then onOpen is queued, before
            // the first read can queue a message behind it.
            out.setWriteListener(new WriteEvents(connection, flusher, reader));
            created.start();
            in.setReadListener(reader);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the WebSocket connection", e);
            CoreSession s = session;
            if (s != null) {
                s.onTransportError(e);
            } else {
                abandon(); // the handler was never told anything
            }
            connection.close();
        }
    }

    /**
     * What callbacks running inline may queue beyond the outbound queue's capacity: a reply as
     * large as the largest message the connection accepts, or a second queue's worth.
     */
    static long inlineOverflow(Limits limits) {
        return Math.max(limits.outboundQueueSize(), limits.maxMessageSize());
    }

    /** The configured resumption, unless it needs an I/O thread this container does not expose. */
    private ReadResumption effectiveResumption(Executor ioThread) {
        if (resumption == ReadResumption.CONTAINER_IO_THREAD && ioThread == null) {
            if (NO_IO_THREAD_WARNED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "The container exposes no I/O thread for upgraded connections; "
                        + "reading resumes on the application thread");
            }
            return ReadResumption.APPLICATION_THREAD;
        }
        return resumption;
    }

    @Override
    public void destroy() {
        if (upgraded == null) {
            // Never initialised: the upgrade failed (UpgradeAnswers), or the container gave up
            // on the connection before handing it over.
            abandon();
            return;
        }
        // The container is done with the connection (closed, or the application is stopping).
        CoreSession s = session;
        if (s != null) {
            s.onEndOfInput();
        }
        UpgradedConnection c = upgraded;
        if (c != null) {
            c.destroyed();
        }
        if (s != null) {
            s.onDestroyed();
        }
    }

    /** Tells the handler, once, that its connection will never open. */
    private void abandon() {
        if (abandoned.compareAndSet(false, true)) {
            handler.onAbandoned();
        }
    }

    /** The container's write events: the flusher writes on, and the reader may read on (see {@link InboundReader}). */
    private record WriteEvents(UpgradedConnection connection, OutboundFlusher flusher, InboundReader reader)
            implements WriteListener {
        @Override
        public void onWritePossible() {
            connection.inCallback(() -> {
                flusher.onWritePossible();
                reader.afterWriteCallback();
            });
        }

        @Override
        public void onError(Throwable t) {
            connection.inCallback(() -> flusher.onError(t));
        }
    }

    /** Lets the flusher, built before the session, report to it. */
    private static final class SessionRef {
        private volatile CoreSession session;

        void written() {
            CoreSession s = session;
            if (s != null) {
                s.onWritten();
            }
        }

        void failed(Throwable t) {
            CoreSession s = session;
            if (s != null) {
                s.onTransportError(t);
            }
        }
    }

    /** The session's view of the servlet streams. */
    private record ServletTransport(OutboundFlusher flusher, InboundReader reader) implements Transport {
        @Override
        public void writeData(byte[] frame, long deadline) throws IOException {
            flusher.writeData(frame, deadline);
        }

        @Override
        public void flush() {
            flusher.flushWritten();
        }

        @Override
        public boolean writeControl(byte[] frame) {
            return flusher.writeControl(frame);
        }

        @Override
        public void writeClose(byte[] frame) {
            flusher.writeClose(frame);
        }

        @Override
        public void closeAfterFlush() {
            flusher.closeAfterFlush();
        }

        @Override
        public void abort() {
            flusher.abort();
        }

        @Override
        public boolean beginInline() {
            return flusher.beginInline();
        }

        @Override
        public void endInline() {
            flusher.endInline();
        }

        @Override
        public void demand() {
            reader.demand();
        }
    }
}
