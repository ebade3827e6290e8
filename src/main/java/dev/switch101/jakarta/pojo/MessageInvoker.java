package dev.switch101.jakarta.pojo;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The message handler of one {@code @OnMessage} method on one connection: calls the method with
 * the message (or part), sends back what it returns, and throws what it throws unchanged, so the
 * session routes it to {@code Endpoint.onError} and so to {@code @OnError} (WebSocket 2.1 §5.2.2).
 */
final class MessageInvoker {

    private final MessageMethod method;
    private final Object instance;
    private final Session session;
    private final ServerEndpointConfig config;
    private final Coders coders;

    MessageInvoker(MessageMethod method, Object instance, Session session, ServerEndpointConfig config,
            Coders coders) {
        this.method = method;
        this.instance = instance;
        this.session = session;
        this.config = config;
        this.coders = coders;
    }

    /** Registers this method's handler with the session, whole or partial, for its parameter's class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void register() {
        Class type = method.handlerType();
        if (method.partial()) {
            session.addMessageHandler(type, (MessageHandler.Partial) this::onPart);
        } else {
            session.addMessageHandler(type, (MessageHandler.Whole) this::onWhole);
        }
    }

    private void onWhole(Object message) {
        deliver(message, true);
    }

    private void onPart(Object part, boolean last) {
        deliver(part, last);
    }

    private void deliver(Object message, boolean last) {
        try {
            Object result = method.target().call(instance, Invocation.message(session, config, message, last));
            ReturnValue.send(result, session.getBasicRemote(), coders);
        } catch (Throwable error) {
            throw Rethrow.unchecked(error);
        }
    }
}
