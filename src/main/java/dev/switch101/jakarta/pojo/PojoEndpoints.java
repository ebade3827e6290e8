package dev.switch101.jakarta.pojo;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Annotated ({@code @ServerEndpoint}) endpoints on top of the programmatic Jakarta API: a class
 * is checked once, at deployment, and each connection gets an {@link Endpoint} that calls the
 * annotated methods of one instance. Uses nothing but the public Jakarta WebSocket API, so the
 * runtime below sees only an ordinary {@code Endpoint}.
 */
public final class PojoEndpoints {

    private PojoEndpoints() {
    }

    /**
     * Checks an annotated class and builds its configuration from {@code @ServerEndpoint}
     * (path, subprotocols, encoders, decoders, configurator).
     *
     * @throws DeploymentException naming the class, the method and the rule it breaks
     */
    public static ServerEndpointConfig configFor(Class<?> annotated) throws DeploymentException {
        throw new UnsupportedOperationException("not yet implemented"); // contract placeholder, replaced by the pojo work
    }

    /**
     * The endpoint for one connection: calls the annotated methods of {@code instance}, an
     * instance of the class {@link #configFor} accepted for {@code config}.
     */
    public static Endpoint endpointFor(ServerEndpointConfig config, Object instance) {
        throw new UnsupportedOperationException("not yet implemented"); // contract placeholder, replaced by the pojo work
    }
}
