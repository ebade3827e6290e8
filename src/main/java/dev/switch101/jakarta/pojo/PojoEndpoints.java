package dev.switch101.jakarta.pojo;

import java.util.List;
import java.util.Objects;

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
     * <p>Checked (WebSocket 2.1 §4): the annotation is present and its path starts with '/'; the
     * class is public and concrete, with a public no-argument constructor unless the configurator
     * overrides {@code getEndpointInstance}; the named configurator can be instantiated; at most
     * one {@code @OnOpen}, {@code @OnClose}, {@code @OnError}, and one {@code @OnMessage} per
     * message kind (text, binary, pong), all public; each method's parameters are of the kinds its
     * annotation allows, with one message parameter for {@code @OnMessage}, {@code boolean last}
     * only with {@code String}, {@code ByteBuffer} or {@code byte[]}, a decoder for any other
     * message type, a sendable return type, and {@code @PathParam} only on {@code String},
     * primitives and boxed primitives (a primitive one must name a variable of the path template,
     * since an unknown name has the value {@code null}). Methods inherited from superclasses count
     * unless the class overrides them without the annotation (§4.8).
     *
     * @throws DeploymentException naming the class, the method and the rule it breaks
     */
    public static ServerEndpointConfig configFor(Class<?> annotated) throws DeploymentException {
        return EndpointClass.configFor(Objects.requireNonNull(annotated, "annotated"));
    }

    /**
     * Checks an annotated class for deployment with a configuration of the application's own
     * ({@code addEndpoint(ServerEndpointConfig)}, {@code upgradeHttpToWebSocket}): the class rules
     * of {@link #configFor}, with the methods checked against the configuration's path, decoders
     * and encoders, which are the ones its connections use, instead of the annotation's.
     *
     * @throws DeploymentException naming the class, the method and the rule it breaks
     */
    public static void checkFor(ServerEndpointConfig config) throws DeploymentException {
        EndpointClass.checkFor(Objects.requireNonNull(config, "config"));
    }

    /**
     * Whether {@code endpoint}, one {@link #endpointFor} made, calls the annotated instance when
     * its session opens: it has an {@code @OnOpen} method. ({@code false} for any other endpoint.)
     */
    public static boolean callsInstanceOnOpen(Endpoint endpoint) {
        return endpoint instanceof PojoEndpoint pojo && pojo.callsOnOpen();
    }

    /**
     * Whether {@code endpoint}, one {@link #endpointFor} made, calls the annotated instance when
     * its session closes: it has an {@code @OnClose} or {@code @OnError} method. ({@code false}
     * for any other endpoint.)
     */
    public static boolean callsInstanceOnClose(Endpoint endpoint) {
        return endpoint instanceof PojoEndpoint pojo && pojo.callsOnClose();
    }

    /**
     * The endpoint for one connection: calls the annotated methods of {@code instance}, an
     * instance of the class {@link #configFor} accepted for {@code config}. The methods are
     * those of {@code config.getEndpointClass()} when {@code instance} is one (so a subclass made
     * by a CDI container is served as the class it stands for), otherwise those of the instance's
     * class; they are checked against {@code config}'s path, decoders and encoders. An instance
     * that already is an {@code Endpoint} is returned as it is.
     *
     * @throws IllegalArgumentException when the class breaks a rule {@link #configFor} checks
     *                                  (the {@link DeploymentException} is the cause)
     */
    public static Endpoint endpointFor(ServerEndpointConfig config, Object instance) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(instance, "instance");
        if (instance instanceof Endpoint endpoint) {
            return endpoint;
        }
        Class<?> configured = config.getEndpointClass();
        Class<?> type = configured != null && configured.isInstance(instance) ? configured : instance.getClass();
        try {
            return new PojoEndpoint(EndpointModel.of(type, config.getPath(),
                    Objects.requireNonNullElse(config.getDecoders(), List.of()),
                    Objects.requireNonNullElse(config.getEncoders(), List.of())), instance, config);
        } catch (DeploymentException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }
}
