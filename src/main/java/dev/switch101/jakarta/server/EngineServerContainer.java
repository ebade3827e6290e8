package dev.switch101.jakarta.server;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import dev.switch101.jakarta.pojo.PojoEndpoints;
import dev.switch101.server.ContextParameters;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.PathTemplate;
import dev.switch101.server.WebSocketServer;
import dev.switch101.upgrade.ProtocolToken;
import dev.switch101.upgrade.UpgradeAnswers;
import dev.switch101.upgrade.UpgradeDecision;

/**
 * The Jakarta WebSocket {@link ServerContainer} of one web application, on Switch101's engine
 * ({@link WebSocketServer}): published as the {@code jakarta.websocket.server.ServerContainer}
 * servlet-context attribute by {@link EngineInitializer}. Endpoints may be added while the
 * application deploys (its initializers and {@code ServletContextListener}s); afterwards
 * {@code addEndpoint} throws {@link IllegalStateException} (Jakarta WebSocket 2.1 §6.4).
 * It has no client (see {@link ClientlessContainer}).
 */
public final class EngineServerContainer extends ClientlessContainer implements ServerContainer {

    /** The servlet-context attribute the specification names (Jakarta WebSocket 2.1 §6.4). */
    public static final String ATTRIBUTE = ServerContainer.class.getName();

    /** Context-param (and connection user property) bounding queued asynchronous sends per session. */
    static final String MAX_PENDING_ASYNC_SENDS = "dev.switch101.maxPendingAsyncSends";

    private static final ProtocolToken WEBSOCKET = ProtocolToken.of("websocket");

    private final WebSocketServer server;
    private final Set<Class<?>> containerDefaults;
    private final EndpointInstances instances;
    private final EndpointRules rules = new EndpointRules();
    private final Map<String, Object> sessionProperties;
    private volatile boolean deployed;
    /**
     * The endpoints {@link #upgradeHttpToWebSocket} made, by configuration (identity: the API's
     * configurations do not define equality), so that the sessions of one configuration see
     * each other in {@code getOpenSessions()} and its class is checked once. Bounded: past
     * {@value #MAX_UPGRADE_CONFIGS} configurations the least recently used is forgotten (its
     * sessions go on; sessions opened later no longer see them).
     */
    private final Map<ServerEndpointConfig, JakartaEndpoint> upgradeEndpoints =
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ServerEndpointConfig, JakartaEndpoint> eldest) {
                    return size() > MAX_UPGRADE_CONFIGS;
                }
            };

    static final int MAX_UPGRADE_CONFIGS = 64;

    /**
     * @param sessionProperties user properties every connection's configuration starts with,
     *                          unless the endpoint's own configuration sets them
     */
    EngineServerContainer(WebSocketServer server, ClassLoader applicationLoader, Map<String, Object> sessionProperties) {
        super(server.limits());
        this.server = server;
        this.sessionProperties = Map.copyOf(sessionProperties);
        this.containerDefaults = ConfiguratorCalls.containerDefaults(applicationLoader);
        this.instances = EndpointInstances.forApplication(applicationLoader);
    }

    /** The container of an application, created and published on first use. */
    static EngineServerContainer of(ServletContext context) {
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof EngineServerContainer container) {
                return container;
            }
            Map<String, Object> sessionProperties = new HashMap<>();
            // The session side's bound on queued asynchronous sends, per application.
            String pending = ContextParameters.of(context).apply(MAX_PENDING_ASYNC_SENDS);
            if (pending != null && !pending.isBlank()) {
                sessionProperties.put(MAX_PENDING_ASYNC_SENDS, positive(MAX_PENDING_ASYNC_SENDS, pending));
            }
            EngineServerContainer container = new EngineServerContainer(WebSocketServer.of(context),
                    context.getClassLoader(), sessionProperties);
            context.setAttribute(ATTRIBUTE, container);
            return container;
        }
    }

    /** A setting read once: a bad value fails the deployment, not every connection at run time. */
    private static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value, e);
        }
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return number;
    }

    /** The application has started: from now on endpoints cannot be added. */
    void deploymentComplete() {
        deployed = true;
    }

    /** Deploys an annotated ({@code @ServerEndpoint}) class, checked by the annotated-endpoint model. */
    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        checkDeploying();
        if (endpointClass == null || !endpointClass.isAnnotationPresent(ServerEndpoint.class)) {
            throw new DeploymentException("Cannot deploy " + (endpointClass == null ? "null" : endpointClass.getName())
                    + ": addEndpoint(Class) takes a class annotated with @ServerEndpoint");
        }
        ServerEndpointConfig config = PojoEndpoints.configFor(endpointClass);
        deploy(config, EndpointRules.checkConfig(config));
    }

    @Override
    public void addEndpoint(ServerEndpointConfig config) throws DeploymentException {
        checkDeploying();
        PathTemplate checked = EndpointRules.checkConfig(config);
        checkAnnotatedClass(config);
        deploy(config, checked);
    }

    /**
     * An annotated class given with a configuration (which {@link EndpointRules#checkConfig} has
     * passed): its methods are checked against that configuration.
     */
    private static void checkAnnotatedClass(ServerEndpointConfig config) throws DeploymentException {
        if (!Endpoint.class.isAssignableFrom(config.getEndpointClass())) {
            PojoEndpoints.checkFor(config);
        }
    }

    /** @param checked the configuration's path, as {@link EndpointRules#checkConfig} parsed it */
    private synchronized void deploy(ServerEndpointConfig config, PathTemplate checked) throws DeploymentException {
        JakartaEndpoint endpoint = new JakartaEndpoint(config, containerDefaults, this, instances);
        rules.admit(config, endpoint.configuratorMakesInstances());
        EndpointRegistration registration = registration(endpoint, config, checked);
        try {
            server.addEndpoint(registration);
        } catch (IllegalStateException e) {
            // Another (engine-level) endpoint of the application has this or an equivalent path.
            throw new DeploymentException("Cannot deploy " + config.getEndpointClass().getName() + " at '"
                    + config.getPath() + "': " + e.getMessage(), e);
        }
    }

    /** The endpoint on the engine's interface; a limit's user property that is no number, or too small, is refused. */
    private EndpointRegistration registration(JakartaEndpoint endpoint, ServerEndpointConfig config, PathTemplate path)
            throws DeploymentException {
        try {
            return endpoint.registration(path.template(), server.limits());
        } catch (IllegalArgumentException e) {
            throw new DeploymentException("Cannot deploy " + config.getEndpointClass().getName() + " at '"
                    + config.getPath() + "': " + e.getMessage(), e);
        }
    }

    private void checkDeploying() {
        if (deployed) {
            throw new IllegalStateException("The application has started: endpoints can only be added while it "
                    + "deploys (a ServletContainerInitializer or ServletContextListener.contextInitialized)");
        }
    }

    /**
     * Upgrades a request to WebSocket for the given endpoint, whatever the request's path (e.g.
     * from a servlet or filter of the application); answers the handshake's refusal (400, 426,
     * 403) itself. The endpoint's configuration is checked as {@code addEndpoint} would, except
     * for its path's uniqueness.
     */
    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse,
            ServerEndpointConfig config, Map<String, String> pathParameters) throws IOException, DeploymentException {
        if (!(httpServletRequest instanceof HttpServletRequest request)
                || !(httpServletResponse instanceof HttpServletResponse response)) {
            throw new IllegalArgumentException("upgradeHttpToWebSocket needs an HttpServletRequest and an "
                    + "HttpServletResponse");
        }
        PathTemplate path = EndpointRules.checkConfig(config);
        EndpointRegistration registration = registration(upgradeEndpoint(config), config, path);
        UpgradeDecision decision = server.handshake(request, registration,
                pathParameters == null ? Map.of() : pathParameters);
        try {
            UpgradeAnswers.answer(request, response, WEBSOCKET, decision);
        } catch (ServletException e) {
            throw new IOException("The upgrade to WebSocket failed: " + e.getMessage(), e);
        }
    }

    /**
     * The endpoint of a configuration given to {@link #upgradeHttpToWebSocket} (which has checked
     * the configuration itself), made and its class checked on first use.
     */
    private JakartaEndpoint upgradeEndpoint(ServerEndpointConfig config) throws DeploymentException {
        synchronized (upgradeEndpoints) {
            JakartaEndpoint endpoint = upgradeEndpoints.get(config);
            if (endpoint == null) {
                checkAnnotatedClass(config);
                endpoint = new JakartaEndpoint(config, containerDefaults, this, instances);
                EndpointRules.checkClass(config.getEndpointClass(), config.getPath(),
                        endpoint.configuratorMakesInstances());
                upgradeEndpoints.put(config, endpoint);
            }
            return endpoint;
        }
    }

    /** The extensions the engine can negotiate (by name). */
    @Override
    public Set<Extension> getInstalledExtensions() {
        Set<Extension> installed = new LinkedHashSet<>();
        server.extensionNames().forEach(name -> installed.add(ExtensionView.named(name)));
        return Collections.unmodifiableSet(installed);
    }

    /** User properties each connection's configuration starts with (below the endpoint's own). */
    Map<String, Object> sessionProperties() {
        return sessionProperties;
    }

    /** Runs asynchronous sends and stream handlers: the engine's helper executor, never the dispatch one. */
    Executor asyncSends() {
        return server.helperExecutor();
    }
}
