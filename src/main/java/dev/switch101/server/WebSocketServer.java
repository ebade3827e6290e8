package dev.switch101.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.extension.ExtensionFactory;
import dev.switch101.extension.deflate.DeflateAgreement;
import dev.switch101.extension.deflate.DeflateConfig;
import dev.switch101.extension.deflate.DeflatePool;
import dev.switch101.extension.deflate.PerMessageDeflateFactory;
import dev.switch101.handshake.HostAllowList;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.handshake.TrustedProxies;
import dev.switch101.io.ReadResumption;
import dev.switch101.session.Limits;
import dev.switch101.session.ReadBuffers;
import dev.switch101.session.Sessions;
import dev.switch101.upgrade.UpgradeDecision;
import dev.switch101.upgrade.UpgradeRegistry;

/**
 * The WebSocket server of one web application: its endpoints, its configuration (read once
 * from context-params), the executor for handler callbacks and the open sessions. Created on
 * first use, it registers WebSocket as a protocol with the application's {@link UpgradeRegistry}.
 *
 * <p>Context-params (all optional): {@code dev.switch101.allowedOrigins} (comma-separated
 * origins allowed besides the page's own; {@code *} for any), {@code dev.switch101.requireOrigin}
 * ({@code true} refuses clients that send no Origin), {@code dev.switch101.trustedProxies} (IP
 * addresses and CIDR blocks whose {@code Forwarded} / {@code X-Forwarded-*} headers tell the
 * page's scheme and host), {@code dev.switch101.allowedHosts} (the hosts this server answers
 * for, against DNS rebinding; by default any), the {@link Limits} names, and
 * {@code dev.switch101.dispatchThreads} / {@code dev.switch101.useManagedExecutor},
 * {@code dev.switch101.inlineCallbacks} ({@code true}: the application's callbacks do not block,
 * and may run on the container thread that read their input, see {@link dev.switch101.session.CoreSession}), and
 * {@code dev.switch101.readResumption} ({@code park}, {@code io-thread} or {@code thread}; by
 * default chosen for the container, see {@link ReadResumption}),
 * {@code dev.switch101.readBufferPoolSize} (read buffers kept for reuse, see {@link ReadBuffers}), and the
 * permessage-deflate policy ({@code dev.switch101.deflate}, {@code .deflateLevel},
 * {@code .deflateThreshold}, {@code .deflateContextTakeover}, {@code .deflatePoolSize}; see
 * {@link DeflateConfig}).
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

    private final EndpointTable endpoints = new EndpointTable();
    private final List<ExtensionFactory> extensions = new CopyOnWriteArrayList<>();
    /** How many extensions have been added: a cached {@link ExtensionChoice} from fewer is stale. */
    private final AtomicInteger extensionsAdded = new AtomicInteger();
    /** By extension policy (the server's, and any endpoint's own). */
    private final Map<DeflateConfig, ExtensionChoice> extensionChoices = new ConcurrentHashMap<>();
    private final OriginPolicy originPolicy;
    private final HostAllowList allowedHosts;
    private final Limits limits;
    private final DispatchExecutor dispatch;
    /** Created on first use: only the Jakarta layer needs it. */
    private volatile DispatchExecutor helpers;
    private final boolean useManaged;
    private final int dispatchThreads;
    private final ReadResumption readResumption;
    private final boolean inlineCallbacks;
    private final Sessions sessions;
    private final DeflateConfig deflate;
    private final DeflatePool deflatePool;

    WebSocketServer(OriginPolicy originPolicy, HostAllowList allowedHosts, Limits limits, DispatchExecutor dispatch,
            ReadResumption readResumption, boolean inlineCallbacks, boolean useManaged, int dispatchThreads,
            int readBufferPoolSize, DeflateConfig deflate) {
        this.inlineCallbacks = inlineCallbacks;
        this.useManaged = useManaged;
        this.dispatchThreads = dispatchThreads;
        this.deflate = deflate;
        this.deflatePool = new DeflatePool(deflate.poolSize());
        this.originPolicy = originPolicy;
        this.allowedHosts = allowedHosts;
        this.limits = limits;
        this.dispatch = dispatch;
        this.readResumption = readResumption;
        this.sessions = new Sessions(new ReadBuffers(limits.readBufferSize(), readBufferPoolSize));
    }

    /** The server of this application, created (and registered for upgrades) on first use. */
    public static WebSocketServer of(ServletContext context) {
        synchronized (context) {
            if (context.getAttribute(ATTRIBUTE) instanceof WebSocketServer server) {
                return server;
            }
            UnaryOperator<String> param = ContextParameters.of(context);
            OriginPolicy policy = OriginPolicy.fromConfig(
                    Objects.requireNonNullElse(param.apply("dev.switch101.allowedOrigins"), ""),
                    Boolean.parseBoolean(param.apply("dev.switch101.requireOrigin")))
                    .trustProxies(TrustedProxies.parse(param.apply("dev.switch101.trustedProxies")));
            HostAllowList hosts = HostAllowList.parse(param.apply("dev.switch101.allowedHosts"));
            Limits limits = Limits.from(param::apply);
            String threads = param.apply("dev.switch101.dispatchThreads");
            String managed = param.apply("dev.switch101.useManagedExecutor");
            boolean useManaged = managed == null || Boolean.parseBoolean(managed);
            int dispatchThreads = threads == null ? DEFAULT_DISPATCH_THREADS : Integer.parseInt(threads.trim());
            DispatchExecutor dispatch = DispatchExecutor.create(useManaged, dispatchThreads, "switch101-dispatch");
            ReadResumption resumption = ReadResumption.forContainer(context.getServerInfo(),
                    param.apply("dev.switch101.readResumption"));
            String pool = param.apply("dev.switch101.readBufferPoolSize");
            int poolSize = pool == null || pool.isBlank() ? ReadBuffers.DEFAULT_CAPACITY : Integer.parseInt(pool.trim());
            boolean inline = Boolean.parseBoolean(param.apply("dev.switch101.inlineCallbacks"));
            WebSocketServer server = new WebSocketServer(policy, hosts, limits, dispatch, resumption, inline,
                    useManaged, dispatchThreads, poolSize, DeflateConfig.from(param::apply));
            context.setAttribute(ATTRIBUTE, server);
            UpgradeRegistry.of(context).register(new WebSocketProtocol(server));
            return server;
        }
    }

    /**
     * Adds an endpoint. A request goes to the endpoint whose path matches it best (Jakarta
     * WebSocket 2.1 §3.1.1: same segment count, literal segments preferred left to right, so an
     * exact path beats a template).
     *
     * @throws IllegalStateException if an endpoint with the same or an equivalent path
     *         ({@code /a/{x}} and {@code /a/{y}}) is registered
     */
    public void addEndpoint(EndpointRegistration endpoint) {
        endpoints.add(endpoint);
    }

    /** Adds an extension the server can negotiate (e.g. permessage-deflate). */
    public void addExtension(ExtensionFactory factory) {
        extensions.add(factory);
        extensionsAdded.incrementAndGet(); // after the add: a choice made meanwhile is stale
    }

    /** The endpoint for a path within the application, with the template's values, or {@code null}. */
    Match match(String path) {
        return endpoints.match(path);
    }

    /**
     * The opening handshake of a request for a given endpoint, whatever its path (for code that
     * upgrades a request it was handed, such as Jakarta's {@code upgradeHttpToWebSocket}); answer
     * it with {@link dev.switch101.upgrade.UpgradeAnswers}. The endpoint need not be registered.
     * The request need not have passed the {@link dev.switch101.upgrade.UpgradeFilter}: what the
     * filter checks first (HTTP/1.x, the target, {@code Upgrade: websocket}) is checked here too.
     *
     * @param pathParameters the values of the endpoint's path variables for this request
     * @return a refusal (400, 426, 403) or the acceptance
     * @throws RuntimeException whatever the endpoint's handshake code throws (answer 500)
     */
    public UpgradeDecision handshake(HttpServletRequest request, EndpointRegistration endpoint,
            Map<String, String> pathParameters) {
        return new WebSocketProtocol(this).handshakeHandedOver(request, endpoint, pathParameters);
    }

    record Match(EndpointRegistration endpoint, Map<String, String> pathParameters) {
    }

    /** The extensions an endpoint negotiates: the application's, then permessage-deflate unless it is off. */
    ExtensionChoice extensionsFor(EndpointRegistration endpoint) {
        DeflateConfig policy = endpoint.deflate() != null ? endpoint.deflate() : deflate;
        int generation = extensionsAdded.get(); // read before the list: an extension added meanwhile makes this stale
        ExtensionChoice choice = extensionChoices.get(policy);
        if (choice == null || choice.generation() != generation) {
            choice = ExtensionChoice.of(withDeflate(policy), generation);
            extensionChoices.put(policy, choice);
        }
        return choice;
    }

    private List<ExtensionFactory> withDeflate(DeflateConfig policy) {
        if (!policy.enabled()) {
            return extensions;
        }
        List<ExtensionFactory> all = new ArrayList<>(extensions);
        for (ExtensionFactory factory : all) {
            if (factory.name().equals(DeflateAgreement.NAME)) {
                return all; // the application brought its own
            }
        }
        all.add(new PerMessageDeflateFactory(policy, deflatePool));
        return all;
    }

    /**
     * The names of the extensions the server can negotiate, in the order they were added, then
     * permessage-deflate if the application's policy has it on.
     */
    public List<String> extensionNames() {
        return withDeflate(deflate).stream().map(ExtensionFactory::name).toList();
    }

    /**
     * An executor for work that a handler callback may wait for (asynchronous sends, a stream
     * message's reader): separate from the executor handler callbacks run on, so that a callback blocked on
     * it never waits for a thread its own kind holds. The container's managed executor where there
     * is one (it grows as needed), else a pool of {@code dispatchThreads} made on demand whose idle
     * threads time out; stopped with the server.
     */
    public Executor helperExecutor() {
        DispatchExecutor pool = helpers;
        if (pool == null) {
            synchronized (this) {
                pool = helpers;
                if (pool == null) {
                    pool = DispatchExecutor.create(useManaged, dispatchThreads, "switch101-helper");
                    helpers = pool;
                }
            }
        }
        return pool.executor();
    }

    OriginPolicy originPolicy() {
        return originPolicy;
    }

    HostAllowList allowedHosts() {
        return allowedHosts;
    }

    /** The application's connection limits (from its context-params). */
    public Limits limits() {
        return limits;
    }

    ReadResumption readResumption() {
        return readResumption;
    }

    boolean inlineCallbacks() {
        return inlineCallbacks;
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
        DispatchExecutor pool = helpers;
        if (pool != null) {
            pool.shutdown(limits.closeTimeout().toMillis());
        }
        deflatePool.close();
    }
}
