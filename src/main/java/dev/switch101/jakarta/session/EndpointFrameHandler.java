package dev.switch101.jakarta.session;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Optional;

import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * A Jakarta {@link jakarta.websocket.Endpoint} on the engine's {@link FrameHandler} interface:
 * one per connection. It makes the {@link jakarta.websocket.Session} when the engine opens the
 * connection and turns the engine's message parts into the endpoint's message handlers.
 *
 * <p>The engine calls it one callback at a time (off the I/O thread unless inline callbacks
 * are on); a message's parts go to
 * the {@link MessageSink} its handler's binding makes at the first part. Every exception from
 * the endpoint, a handler or a decoder goes to {@code Endpoint.onError}, and the connection
 * stays open; a whole message over the session's buffer size closes it with 1009. A message
 * of a kind no handler takes is dropped.
 */
public final class EndpointFrameHandler implements FrameHandler {

    private static final System.Logger LOG = System.getLogger(EndpointFrameHandler.class.getName());

    private final SessionSetup setup;
    private final QuietLifecycle quiet;
    private WebSocketSession engine;
    private JakartaSession session;
    /** The sink of the message in progress, or {@code null} between messages. */
    private MessageSink current;
    private boolean closeReported;

    /** A handler whose lifecycle callbacks may all run the application's code. */
    public EndpointFrameHandler(SessionSetup setup) {
        this(setup, QuietLifecycle.NONE);
    }

    /** @param quiet which lifecycle callbacks run none of the application's code */
    public EndpointFrameHandler(SessionSetup setup, QuietLifecycle quiet) {
        this.setup = setup;
        this.quiet = quiet;
    }

    @Override
    public boolean opensWithoutWaiting() {
        return quiet.open();
    }

    @Override
    public boolean closesWithoutWaiting() {
        return quiet.close();
    }

    @Override
    public void onOpen(WebSocketSession webSocketSession) {
        engine = webSocketSession;
        SessionDecoders decoders;
        SessionEncoders encoders;
        try {
            decoders = SessionDecoders.create(setup.config());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Cannot make the decoders of " + setup.endpoint().getClass().getName(), e);
            engine.close(CloseCodes.INTERNAL_ERROR, "Cannot make the endpoint's decoders");
            return;
        }
        try {
            encoders = SessionEncoders.create(setup.config());
        } catch (RuntimeException e) {
            decoders.destroy();
            LOG.log(Level.ERROR, "Cannot make the encoders of " + setup.endpoint().getClass().getName(), e);
            engine.close(CloseCodes.INTERNAL_ERROR, "Cannot make the endpoint's encoders");
            return;
        }
        try {
            session = new JakartaSession(setup, engine, decoders, encoders);
        } catch (RuntimeException e) { // e.g. an endpoint's own dev.switch101.maxPendingAsyncSends that is no number
            decoders.destroy();
            encoders.destroy();
            LOG.log(Level.ERROR, "Cannot make the session of " + setup.endpoint().getClass().getName(), e);
            engine.close(CloseCodes.INTERNAL_ERROR, "Cannot make the session");
            return;
        }
        setup.openSessions().add(session);
        try {
            setup.endpoint().onOpen(session, setup.config());
        } catch (Exception | LinkageError | AssertionError e) {
            reportError(e);
        }
    }

    @Override
    public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
        if (session == null) {
            return;
        }
        if (current == null) {
            current = startMessage(type == MessageType.TEXT ? MessageKind.TEXT : MessageKind.BINARY);
        }
        MessageSink sink = current;
        current = last ? null : sink;
        try {
            sink.onPart(part, last);
        } catch (MessageTooBigException e) {
            dropRest(last);
            engine.close(CloseCodes.MESSAGE_TOO_BIG, e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            if (!last) {
                sink.abandon(); // a stream handler still reading gets an IOException
            }
            dropRest(last);
            reportError(e);
        }
    }

    private MessageSink startMessage(MessageKind kind) {
        Optional<HandlerBinding> binding = session.handlers().forKind(kind);
        if (binding.isEmpty()) {
            LOG.log(Level.DEBUG, "No {0} message handler on session {1}: message dropped", kind, session.getId());
            return MessageSink.DROP;
        }
        return binding.get().sinks().apply(session);
    }

    private void dropRest(boolean last) {
        current = last ? null : MessageSink.DROP;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onPong(ByteBuffer payload) {
        if (session == null) {
            return;
        }
        Optional<HandlerBinding> binding = session.handlers().forKind(MessageKind.PONG);
        if (binding.isEmpty()) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        try {
            ((MessageHandler.Whole<PongMessage>) binding.get().handler()).onMessage(new ReceivedPong(copy));
        } catch (Exception | LinkageError | AssertionError e) {
            reportError(e);
        }
    }

    @Override
    public void onError(Throwable cause) {
        if (session != null) {
            reportError(cause);
        }
    }

    @Override
    public void onClose(CloseStatus status) {
        if (session == null || closeReported) {
            return;
        }
        closeReported = true;
        if (current != null) {
            current.abandon();
            current = null;
        }
        setup.openSessions().remove(session);
        try {
            setup.endpoint().onClose(session, closeReason(status));
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.log(Level.WARNING, "onClose of " + setup.endpoint().getClass().getName() + " failed", e);
        } finally {
            session.markClosed();
        }
    }

    /** The engine's status as a {@code CloseReason}; a code the API cannot express (none the engine makes) as 1006. */
    static CloseReason closeReason(CloseStatus status) {
        CloseReason.CloseCode code;
        try {
            code = CloseReason.CloseCodes.getCloseCode(status.code());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "Close code {0} has no CloseCode; reported as 1006", status.code());
            code = CloseReason.CloseCodes.CLOSED_ABNORMALLY;
        }
        return new CloseReason(code, status.reason());
    }

    private void reportError(Throwable error) {
        try {
            setup.endpoint().onError(session, error);
        } catch (Exception | LinkageError | AssertionError e) {
            e.addSuppressed(error);
            LOG.log(Level.WARNING, "onError of " + setup.endpoint().getClass().getName() + " failed", e);
        }
    }
}
