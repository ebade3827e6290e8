package dev.switch101.jakarta.session;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.WebSocketSession;

/**
 * {@code jakarta.websocket.Session} on the engine's {@link WebSocketSession}. Thread-safe.
 *
 * <p>Once the endpoint's {@code onClose} has returned, every method but {@link #close()},
 * {@link #close(CloseReason)}, {@link #getId()} and {@link #isOpen()} throws
 * {@link IllegalStateException}, as the {@code Session} Javadoc requires; during {@code onClose}
 * everything can still be read.
 */
final class JakartaSession implements Session, HandlerBinding.Context {

    /** Endpoint-config user property: how many async sends may wait per session (default 64). */
    static final String MAX_PENDING_ASYNC_SENDS = "dev.switch101.maxPendingAsyncSends";
    static final int DEFAULT_MAX_PENDING_ASYNC_SENDS = 64;

    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle ASYNC;
    private static final VarHandle USER_PROPERTIES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ASYNC = lookup.findVarHandle(JakartaSession.class, "async", AsyncRemote.class);
            USER_PROPERTIES = lookup.findVarHandle(JakartaSession.class, "userProperties", Map.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Kept as a number, written out when asked: the string would be 40 bytes more per connection. */
    private final long id = IDS.incrementAndGet();
    private final SessionSetup setup;
    private final WebSocketSession engine;
    private final HandshakeInfo handshake;
    private final SessionDecoders decoders;
    private final SessionEncoders encoders;
    private final MessageHandlers handlers = new MessageHandlers();
    /** Made on first use when the handshake left no properties: most sessions never ask. */
    private volatile Map<String, Object> userProperties;
    private final MessageSender sender;
    private final BasicRemote basic;
    private final long asyncSendTimeout;
    private final int maxPendingAsyncSends;
    /** Made on first use: most sessions never send asynchronously (with its queue, some 180 bytes). */
    private volatile AsyncRemote async;
    private final List<Extension> extensions;
    private volatile int maxTextMessageBufferSize;
    private volatile int maxBinaryMessageBufferSize;
    private volatile long maxIdleTimeout;
    private volatile boolean closed;

    JakartaSession(SessionSetup setup, WebSocketSession engine, SessionDecoders decoders, SessionEncoders encoders) {
        this.setup = setup;
        this.engine = engine;
        this.handshake = engine.handshake();
        this.decoders = decoders;
        this.encoders = encoders;
        // Session#getUserProperties (WebSocket 2.1): a shallow copy of the endpoint config's user
        // properties as modifyHandshake left them (the config is the per-session copy). A null
        // value cannot be held by the concurrent map; such an entry is as good as absent.
        Map<String, Object> initial = new ConcurrentHashMap<>();
        setup.config().getUserProperties().forEach((key, value) -> {
            if (key != null && value != null) {
                initial.put(key, value);
            }
        });
        this.userProperties = initial.isEmpty() ? null : initial;
        this.sender = new MessageSender(engine, encoders);
        WebSocketContainer container = setup.container();
        this.basic = new BasicRemote(engine, sender);
        // Both as they are when the session opens, however late the async side is made.
        this.asyncSendTimeout = container.getDefaultAsyncSendTimeout();
        this.maxPendingAsyncSends = maxPendingAsyncSends(setup);
        this.extensions = NegotiatedExtensions.of(handshake.extensions());
        this.maxTextMessageBufferSize = container.getDefaultMaxTextMessageBufferSize();
        this.maxBinaryMessageBufferSize = container.getDefaultMaxBinaryMessageBufferSize();
        long containerIdle = container.getDefaultMaxSessionIdleTimeout();
        if (containerIdle > 0) {
            setMaxIdleTimeout(containerIdle);
        } else {
            // The container sets none: the engine's idle timeout is the one in force, and said so.
            this.maxIdleTimeout = engine.limits().idleTimeout().toMillis();
        }
    }

    private static int maxPendingAsyncSends(SessionSetup setup) {
        Object value = setup.config().getUserProperties().get(MAX_PENDING_ASYNC_SENDS);
        if (value == null) {
            return DEFAULT_MAX_PENDING_ASYNC_SENDS;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    }

    // --- for the frame handler ------------------------------------------------------------

    MessageHandlers handlers() {
        return handlers;
    }

    /** The endpoint's onClose has returned: the session is no longer valid for use. */
    void markClosed() {
        closed = true;
        decoders.destroy();
        encoders.destroy();
    }

    // --- HandlerBinding.Context -----------------------------------------------------------

    @Override
    public int maxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    @Override
    public int maxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    @Override
    public Executor streams() {
        return setup.asyncSends();
    }

    @Override
    public Duration abandonWait() {
        return engine.limits().closeTimeout();
    }

    // --- Session ----------------------------------------------------------------------------

    @Override
    public WebSocketContainer getContainer() {
        checkNotClosed();
        return setup.container();
    }

    /**
     * @throws IllegalStateException if the handler's message type cannot be read from its class
     *         (a lambda: use {@link #addMessageHandler(Class, MessageHandler.Whole)}), or the
     *         session already has a handler for that kind of message
     */
    @Override
    public void addMessageHandler(MessageHandler handler) {
        checkNotClosed();
        Objects.requireNonNull(handler, "handler");
        if (handler instanceof MessageHandler.Whole<?> whole) {
            handlers.add(HandlerBinding.whole(typeOf(handler, MessageHandler.Whole.class), whole, decoders));
        } else if (handler instanceof MessageHandler.Partial<?> partial) {
            handlers.add(List.of(HandlerBinding.partial(typeOf(handler, MessageHandler.Partial.class), partial)));
        } else {
            throw new IllegalStateException(
                    "A message handler implements MessageHandler.Whole or MessageHandler.Partial");
        }
    }

    private static Class<?> typeOf(MessageHandler handler, Class<?> api) {
        return GenericTypes.typeArgument(handler.getClass(), api).orElseThrow(() -> new IllegalStateException(
                "Cannot tell the message type of " + handler.getClass().getName()
                        + " from its class (a lambda or a raw type): use addMessageHandler(Class, handler)"));
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Whole<T> handler) {
        checkNotClosed();
        Objects.requireNonNull(clazz, "clazz");
        Objects.requireNonNull(handler, "handler");
        handlers.add(HandlerBinding.whole(clazz, handler, decoders));
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Partial<T> handler) {
        checkNotClosed();
        Objects.requireNonNull(clazz, "clazz");
        Objects.requireNonNull(handler, "handler");
        handlers.add(List.of(HandlerBinding.partial(clazz, handler)));
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        checkNotClosed();
        return handlers.handlers();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        checkNotClosed();
        handlers.remove(handler);
    }

    @Override
    public String getProtocolVersion() {
        checkNotClosed();
        return "13";
    }

    @Override
    public String getNegotiatedSubprotocol() {
        checkNotClosed();
        return handshake.subprotocol();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        checkNotClosed();
        return extensions;
    }

    @Override
    public boolean isSecure() {
        checkNotClosed();
        return handshake.secure();
    }

    @Override
    public boolean isOpen() {
        return !closed && engine.isOpen();
    }

    @Override
    public long getMaxIdleTimeout() {
        checkNotClosed();
        return maxIdleTimeout;
    }

    /**
     * Enforced by the engine: no traffic either way for this long closes the session with 1001
     * (checked every 250 ms).
     *
     * @param milliseconds zero or less: never
     */
    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        checkNotClosed();
        engine.setIdleTimeout(Duration.ofMillis(Math.max(0, milliseconds)));
        maxIdleTimeout = milliseconds;
    }

    /**
     * A whole binary message larger than this closes the session with 1009; partial and stream
     * handlers are not limited by it (only by the engine's {@code maxMessageSize}).
     */
    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        checkNotClosed();
        maxBinaryMessageBufferSize = positive(length);
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        checkNotClosed();
        return maxBinaryMessageBufferSize;
    }

    /**
     * A whole text message longer than this, in characters, closes the session with 1009;
     * partial and stream handlers are not limited by it (only by the engine's {@code maxMessageSize}).
     */
    @Override
    public void setMaxTextMessageBufferSize(int length) {
        checkNotClosed();
        maxTextMessageBufferSize = positive(length);
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        checkNotClosed();
        return maxTextMessageBufferSize;
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        checkNotClosed();
        AsyncRemote remote = async;
        if (remote != null) {
            return remote;
        }
        // No lock (an application may hold the session's monitor in a blocking send): two first
        // callers may both make one, and the first one set is the one both get.
        remote = new AsyncRemote(engine, sender,
                new AsyncSendQueue(setup.asyncSends(), maxPendingAsyncSends), asyncSendTimeout);
        return ASYNC.compareAndSet(this, null, remote) ? remote : async;
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        checkNotClosed();
        return basic;
    }

    @Override
    public String getId() {
        return Long.toString(id, 36);
    }

    /** Closes with 1000 (normal closure), no reason. Does nothing once closed. */
    @Override
    public void close() throws IOException {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }

    /**
     * Starts the close handshake; {@code Endpoint.onClose} follows when it completes. Does
     * nothing once closed.
     *
     * @throws IllegalArgumentException for a code that may not be sent in a close frame
     *         (RFC 6455 §7.4.1: 1005, 1006, 1015), or a reason over 123 UTF-8 bytes
     */
    @Override
    public void close(CloseReason closeReason) throws IOException {
        Objects.requireNonNull(closeReason, "closeReason");
        String reason = closeReason.getReasonPhrase() == null ? "" : closeReason.getReasonPhrase();
        if (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("A close reason may be 123 UTF-8 bytes at most (RFC 6455 §5.5)");
        }
        if (closed) {
            return;
        }
        engine.close(closeReason.getCloseCode().getCode(), reason);
    }

    @Override
    public URI getRequestURI() {
        checkNotClosed();
        return webSocketUri(handshake.requestUri());
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        checkNotClosed();
        return handshake.parameters();
    }

    @Override
    public String getQueryString() {
        checkNotClosed();
        return handshake.queryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        checkNotClosed();
        return setup.pathParameters().isEmpty() ? handshake.pathParameters() : setup.pathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        checkNotClosed();
        Map<String, Object> properties = userProperties;
        if (properties != null) {
            return properties;
        }
        // No lock, as for the async side: the first map set is the one every caller gets.
        properties = new ConcurrentHashMap<>();
        return USER_PROPERTIES.compareAndSet(this, null, properties) ? properties : userProperties;
    }

    @Override
    public Principal getUserPrincipal() {
        checkNotClosed();
        return handshake.principal();
    }

    @Override
    public Set<Session> getOpenSessions() {
        checkNotClosed();
        return setup.openSessions().snapshot();
    }

    @Override
    public String toString() {
        return "Session " + getId() + " " + handshake.requestUri().getPath();
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("The session is closed: only close(), getId() and isOpen() may be called");
        }
    }

    private static int positive(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("A buffer size must be positive: " + length);
        }
        return length;
    }

    /** The handshake's http(s) URI as the ws(s) URI the client opened. */
    static URI webSocketUri(URI http) {
        String scheme = http.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return http;
        }
        // Only the scheme changes: the rest stays as it came, escapes included.
        return URI.create((scheme.equals("https") ? "wss" : "ws") + http.toString().substring(scheme.length()));
    }
}
