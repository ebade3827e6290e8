package dev.switch101.jakarta.server;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.websocket.Endpoint;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpointConfig;

import dev.switch101.jakarta.pojo.PojoEndpoints;
import dev.switch101.jakarta.session.EndpointFrameHandler;
import dev.switch101.jakarta.session.OpenSessions;
import dev.switch101.jakarta.session.SessionSetup;
import dev.switch101.server.AcceptedHandshake;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.Limits;

/**
 * One deployed Jakarta endpoint on the engine: its configuration, its configurator's calls and
 * its open sessions. Per accepted handshake, in the spec's order after the engine's Origin,
 * subprotocol and extension decisions: {@code modifyHandshake} with the connection's own copy
 * of the configuration, then {@code getEndpointInstance} (an annotated instance is wrapped by
 * {@link PojoEndpoints#endpointFor}), then the session side's handler.
 */
final class JakartaEndpoint {

    /**
     * The {@link ServerEndpointConfig#getUserProperties() user property} by which an endpoint
     * says its callbacks do not block and may run on the container thread that read their input.
     */
    static final String INLINE_CALLBACKS = "dev.switch101.inlineCallbacks";

    private final ServerEndpointConfig config;
    private final ConfiguratorCalls calls;
    private final EngineServerContainer container;
    private final EndpointInstances instances;
    private final OpenSessions openSessions = new OpenSessions();

    JakartaEndpoint(ServerEndpointConfig config, Set<Class<?>> containerDefaults,
            EngineServerContainer container, EndpointInstances instances) {
        this.config = config;
        this.calls = new ConfiguratorCalls(configurator(config), containerDefaults);
        this.container = container;
        this.instances = instances;
    }

    private static ServerEndpointConfig.Configurator configurator(ServerEndpointConfig config) {
        return Objects.requireNonNullElseGet(config.getConfigurator(), DefaultConfigurator::new);
    }

    /** Whether the configurator makes the instances itself (so no constructor rule applies). */
    boolean configuratorMakesInstances() {
        return calls.makesInstances();
    }

    /**
     * The endpoint on the engine's interface, at {@code path} (the config's, or the one given),
     * with the application's {@code defaults}, except that an {@code @OnMessage(maxMessageSize)}
     * above the engine's message (or frame) limit raises it for this endpoint: the session's
     * buffer sizes can only narrow what the engine lets through, so without this a declared
     * 32 MiB would still be refused at the engine's 1 MiB (Jakarta WebSocket 2.1 §4.7). The user
     * property {@value #INLINE_CALLBACKS} ({@code true} or {@code false}, as a Boolean or a String)
     * sets inline callbacks for this endpoint, over the application's context-param; so do the
     * limits' keys ({@code dev.switch101.messageTimeoutMillis}, {@code dev.switch101.maxMessageSize}
     * and the others of {@link Limits#from}, as a Number or a String) for the endpoint's limits.
     *
     * @throws IllegalArgumentException if a limit's user property is no number, or too small
     */
    EndpointRegistration registration(String path, Limits defaults) {
        EndpointRegistration registration = EndpointRegistration.perHandshake(path, this::open)
                .withSubprotocols(config.getSubprotocols())
                .withSubprotocolSelector(calls.subprotocolSelector())
                .withExtensionSelector(calls.extensionSelector())
                .withOriginCheck(calls.originCheck());
        Map<String, Object> properties = config.getUserProperties();
        Object inline = properties.get(INLINE_CALLBACKS);
        if (inline != null) {
            registration = registration.withInlineCallbacks(Boolean.parseBoolean(inline.toString().trim()));
        }
        Limits limits = Limits.from(key -> properties.get(key) == null ? null : properties.get(key).toString(),
                defaults);
        long declared = largestDeclaredMessageSize(config.getEndpointClass());
        if (declared > limits.maxMessageSize() || declared > limits.maxFramePayload()) {
            limits = limits.withMaxMessageSize(Math.max(declared, limits.maxMessageSize()),
                    Math.max(declared, limits.maxFramePayload()));
        }
        return limits.equals(defaults) ? registration : registration.withLimits(limits);
    }

    /** The largest {@code @OnMessage(maxMessageSize)} of the class's public methods; -1 if none declares one. */
    private static long largestDeclaredMessageSize(Class<?> endpointClass) {
        long largest = -1;
        for (Method method : endpointClass.getMethods()) {
            OnMessage onMessage = method.getAnnotation(OnMessage.class);
            if (onMessage != null) {
                largest = Math.max(largest, onMessage.maxMessageSize());
            }
        }
        return largest;
    }

    private FrameHandler open(AcceptedHandshake handshake) {
        PerSessionConfig sessionConfig = new PerSessionConfig(config, container.sessionProperties());
        HandshakeResponseHeaders response = new HandshakeResponseHeaders();
        calls.modifyHandshake(sessionConfig, new HandshakeRequestView(handshake), response);
        response.getHeaders().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> handshake.addResponseHeader(name, value));
            }
        });
        EndpointInstances.Instance instance;
        try {
            instance = calls.endpointInstance(config.getEndpointClass(), instances);
        } catch (InstantiationException e) {
            throw new IllegalStateException("No instance of " + config.getEndpointClass().getName() + ": "
                    + e.getMessage(), e);
        }
        try {
            boolean annotated = !(instance.object() instanceof Endpoint);
            Endpoint endpoint = annotated ? PojoEndpoints.endpointFor(sessionConfig, instance.object())
                    : (Endpoint) instance.object();
            SessionSetup setup = new SessionSetup(endpoint, sessionConfig, container, handshake.pathParameters(),
                    openSessions, container.asyncSends());
            EndpointFrameHandler handler = new EndpointFrameHandler(setup,
                    QuietLifecycles.of(endpoint, annotated, sessionConfig));
            return new ReleasingFrameHandler(handler, instance);
        } catch (RuntimeException | Error e) {
            instance.release();
            throw e;
        }
    }
}
