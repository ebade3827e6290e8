package dev.switch101.jakarta.pojo;

import java.lang.System.Logger.Level;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The {@link Endpoint} of one connection to an annotated endpoint: turns the programmatic
 * lifecycle into calls of the annotated methods of one instance.
 *
 * <ul>
 * <li>{@code onOpen}: registers one message handler per {@code @OnMessage} method, applies its
 * {@code maxMessageSize} to the session's text or binary buffer size, then calls {@code @OnOpen}.</li>
 * <li>{@code onClose}: calls {@code @OnClose}.</li>
 * <li>{@code onError}: calls {@code @OnError}; without one, logs the error (WSC-5.2.2-3).</li>
 * </ul>
 * What {@code @OnOpen} or {@code @OnClose} throws goes to {@code onError} (WSC-4.5-3); what an
 * {@code @OnMessage} method throws leaves its handler unchanged, for the session to route there.
 */
final class PojoEndpoint extends Endpoint {

    private static final System.Logger LOG = System.getLogger(PojoEndpoint.class.getName());

    private final EndpointModel model;
    private final Object instance;
    private final ServerEndpointConfig config;
    private final System.Logger log;

    PojoEndpoint(EndpointModel model, Object instance, ServerEndpointConfig config) {
        this(model, instance, config, LOG);
    }

    /** With the logger for errors no method handles (tests pass their own: the platform's backend varies). */
    PojoEndpoint(EndpointModel model, Object instance, ServerEndpointConfig config, System.Logger log) {
        this.model = model;
        this.instance = instance;
        this.config = config;
        this.log = log;
    }

    /** Whether {@code onOpen} calls the instance (an {@code @OnOpen} method). */
    boolean callsOnOpen() {
        return model.onOpen() != null;
    }

    /** Whether {@code onClose} or {@code onError} calls the instance ({@code @OnClose}, {@code @OnError}). */
    boolean callsOnClose() {
        return model.onClose() != null || model.onError() != null;
    }

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        for (MessageMethod method : model.onMessage()) {
            new MessageInvoker(method, instance, session, config, model.coders()).register();
            applyMaxMessageSize(session, method);
        }
        if (model.onOpen() != null) {
            EndpointConfig given = endpointConfig == null ? config : endpointConfig;
            try {
                model.onOpen().call(instance, Invocation.open(session, given, config));
            } catch (Throwable error) {
                onError(session, error);
            }
        }
    }

    private static void applyMaxMessageSize(Session session, MessageMethod method) {
        if (method.maxMessageSize() == -1) {
            return;
        }
        int size = (int) method.maxMessageSize(); // at most Integer.MAX_VALUE: checked at deployment
        if (method.kinds().contains(MessageKind.TEXT)) {
            session.setMaxTextMessageBufferSize(size);
        }
        if (method.kinds().contains(MessageKind.BINARY)) {
            session.setMaxBinaryMessageBufferSize(size);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (model.onClose() != null) {
            try {
                model.onClose().call(instance, Invocation.close(session, config, closeReason));
            } catch (Throwable error) {
                onError(session, error);
            }
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        if (model.onError() == null) {
            log.log(Level.WARNING, () -> model.type().getName() + " (session " + sessionId(session)
                    + ") has no @OnError method for this error", error);
            return;
        }
        try {
            model.onError().call(instance, Invocation.error(session, config, error));
        } catch (Throwable failed) {
            if (failed != error) {
                failed.addSuppressed(error);
            }
            log.log(Level.WARNING, () -> "@OnError method " + model.onError() + " (session " + sessionId(session)
                    + ") failed while handling an error (suppressed below)", failed);
        }
    }

    private static String sessionId(Session session) {
        return session == null ? "none" : session.getId();
    }
}
