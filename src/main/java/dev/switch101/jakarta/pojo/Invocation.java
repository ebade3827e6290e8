package dev.switch101.jakarta.pojo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * What one call of an annotated method can receive: the values its parameters are resolved from.
 * Only the ones the callback has are set (a {@code CloseReason} only for {@code @OnClose}, and so
 * on); the model checked at deployment that no method asks for one it cannot get.
 *
 * @param session      the connection's session
 * @param config       the configuration the runtime passed to {@code Endpoint.onOpen}
 * @param serverConfig the endpoint's server configuration (for a {@code ServerEndpointConfig} parameter)
 * @param message      the message or message part ({@code @OnMessage})
 * @param last         whether {@code message} is the last part ({@code @OnMessage} with {@code boolean last})
 * @param closeReason  why the connection closes ({@code @OnClose})
 * @param error        the error ({@code @OnError})
 */
record Invocation(Session session, EndpointConfig config, ServerEndpointConfig serverConfig, Object message,
        boolean last, CloseReason closeReason, Throwable error) {

    static Invocation open(Session session, EndpointConfig config, ServerEndpointConfig serverConfig) {
        return new Invocation(session, config, serverConfig, null, true, null, null);
    }

    static Invocation message(Session session, ServerEndpointConfig serverConfig, Object message, boolean last) {
        return new Invocation(session, serverConfig, serverConfig, message, last, null, null);
    }

    static Invocation close(Session session, ServerEndpointConfig serverConfig, CloseReason reason) {
        return new Invocation(session, serverConfig, serverConfig, null, true, reason, null);
    }

    static Invocation error(Session session, ServerEndpointConfig serverConfig, Throwable error) {
        return new Invocation(session, serverConfig, serverConfig, null, true, null, error);
    }
}
