package dev.switch101.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.ServletContext;

import dev.switch101.extension.ExtensionFactory;
import dev.switch101.extension.deflate.DeflateConfig;
import dev.switch101.extension.deflate.DeflatePool;
import dev.switch101.extension.deflate.PerMessageDeflateFactory;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.io.ReadResumption;
import dev.switch101.session.Limits;
import dev.switch101.session.Sessions;
import dev.switch101.upgrade.UpgradeRegistry;

/**
 * The WebSocket server of one web application: its endpoints, its configuration (read once
 * from context-params), the executor for handler callbacks and the open sessions. Created on
 * first use, it registers WebSocket as a protocol with the application's {@link UpgradeRegistry}.
 *
 * <p>Context-params (all optional): {@code dev.switch101.allowedOrigins} (comma-separated
 * origins allowed besides the page's own; {@code *} for any), {@code dev.switch101.requireOrigin}
 * ({@code true} refuses clients that send no Origin), the {@link Limits} names, and
 * {@code dev.switch101.dispatchThreads} / {@code dev.switch101.useManagedExecutor}, and
 * {@code dev.switch101.readResumption} ({@code park}, {@code io-thread} or {@code thread}; by
 * default chosen for the container, see {@link ReadResumption}), and the permessage-deflate
 * policy ({@code dev.switch101.deflate}, {@code .deflateLevel}, {@code .deflateThreshold},
 * {@code .deflateContextTakeover}, {@code .deflatePoolSize}; see {@link DeflateConfig}).
 */
public final class WebSocketServer {

    /** The servlet-context attribute that holds the server. */
    public static final String ATTRIBUTE = WebSocketServer.class.getName();

    /**
     * Threads for handler callbacks where the container has no managed executor: as many as
     * Tomcat's default connector pool, since a handler may block a thread in a send for up to
     * the send timeout (a connection holds at most one at a time).
     */
    static final int DEFAULT_DISPATCH_THREADS = 200;

    private final List<EndpointRegistration> endpoints = new CopyOnWriteArrayList<>();
    private final List<ExtensionFactory> extensions = new CopyOnWriteArrayList<>();
    private final OriginPolicy originPolicy;
    private final Limits limits;
    private final DispatchExecutor dispatch;
    private final ReadResumption readResumption;
    private final Sessions sessions = new Sessions();
    private final DeflateConfig deflate;
    private final DeflatePool deflatePool;

    WebSocketServer(OriginPolicy originPolicy, Limits limits, DispatchExecutor dispatch,
            ReadResumption readResumption, DeflateConfig deflate) {
        this.originPolicy = originPolicy;
        this.limits = limits;
        this.dispatch = dispatch;
        this.readResumption = readResumption;
        this.deflate = deflate;
        this.deflatePool = new DeflatePool(deflate.poolSize());
    }

    /** The server of this application, created (and registered for upgrades) on first use. */
    public static WebSocketServer of(ServletContext context) {
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof WebSocketServer server) {
                return server;
            }
            OriginPolicy policy = OriginPolicy.fromConfig(
                    Objects.requireNonNullElse(context.getInitParameter("dev.switch101.allowedOrigins"), ""),
                    Boolean.parseBoolean(context.getInitParameter("dev.switch101.requireOrigin")));
            Limits limits = Limits.from(context::getInitParameter);
            String threads = context.getInitParameter("dev.switch101.dispatchThreads");
            String managed = context.getInitParameter("dev.switch101.useManagedExecutor");
            DispatchExecutor dispatch = DispatchExecutor.create(managed == null || Boolean.parseBoolean(managed),
                    threads == null ? DEFAULT_DISPATCH_THREADS : Integer.parseInt(threads.trim()));
            ReadResumption resumption = ReadResumption.forContainer(context.getServerInfo(),
                    context.getInitParameter("dev.switch101.readResumption"));
            WebSocketServer server = new WebSocketServer(policy, limits, dispatch, resumption,
                    DeflateConfig.from(context::getInitParameter));
            context.setAttribute(ATTRIBUTE, server);
            UpgradeRegistry.of(context).register(new WebSocketProtocol(server));
            return server;
        }
    }

    /** Adds an endpoint; the first registered endpoint whose path matches a request serves it. */
    public void addEndpoint(EndpointRegistration endpoint) {
        for (EndpointRegistration existing : endpoints) {
            if (existing.path().template().equals(endpoint.path().template())) {
                throw new IllegalStateException("An endpoint is already registered at " + endpoint.path());
            }
        }
        endpoints.add(endpoint);
    }

    /** Adds an extension the server can negotiate (e.g. permessage-deflate). */
    public void addExtension(ExtensionFactory factory) {
        extensions.add(factory);
    }

    /** The endpoint for a path, preferring exact paths over templates, with the template's values. */
    Match match(String path) {
        Match templated = null;
        for (EndpointRegistration endpoint : endpoints) {
            Map<String, String> values = endpoint.path().match(path);
            if (values != null) {
                if (endpoint.path().isExact()) {
                    return new Match(endpoint, values);
                }
                if (templated == null) {
                    templated = new Match(endpoint, values);
                }
            }
        }
        return templated;
    }

    record Match(EndpointRegistration endpoint, Map<String, String> pathParameters) {
    }

    /** The extensions an endpoint negotiates: the application's, then permessage-deflate unless it is off. */
    List<ExtensionFactory> extensionsFor(EndpointRegistration endpoint) {
        DeflateConfig policy = endpoint.deflate() != null ? endpoint.deflate() : deflate;
        if (!policy.enabled()) {
            return extensions;
        }
        List<ExtensionFactory> all = new ArrayList<>(extensions);
        if (all.stream().noneMatch(f -> f.name().equals("permessage-deflate"))) {
            all.add(new PerMessageDeflateFactory(policy, deflatePool));
        }
        return all;
    }

    OriginPolicy originPolicy() {
        return originPolicy;
    }

    Limits limits() {
        return limits;
    }

    ReadResumption readResumption() {
        return readResumption;
    }

    DispatchExecutor dispatch() {
        return dispatch;
    }

    Sessions sessions() {
        return sessions;
    }

    /** How many connections are open. */
    public int openConnections() {
        return sessions.size();
    }

    /** Closes every connection with 1001 (bounded wait) and releases the threads. */
    public void shutdown() {
        sessions.shutdown(limits.closeTimeout().toMillis());
        dispatch.shutdown(limits.closeTimeout().toMillis());
        deflatePool.close();
    }
}
