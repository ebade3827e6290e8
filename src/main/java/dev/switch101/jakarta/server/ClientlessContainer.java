package dev.switch101.jakarta.server;

import java.net.URI;
import java.util.Set;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import dev.switch101.session.Limits;

/**
 * A {@link WebSocketContainer} with the container-wide defaults (seeded from the engine's
 * limits) and no client: Switch101 is a server engine, so {@code connectToServer} throws an
 * {@link UnsupportedOperationException} that names the alternatives. Thread-safe.
 */
public class ClientlessContainer implements WebSocketContainer {

    /** What {@code connectToServer} says. */
    static final String NO_CLIENT = "Switch101 is a WebSocket server engine and has no WebSocket client: "
            + "connect with the JDK's java.net.http.WebSocket (HttpClient.newWebSocketBuilder()), or with a "
            + "Jakarta WebSocket client implementation such as the Tyrus client (org.glassfish.tyrus.bundles:"
            + "tyrus-standalone-client), obtained from its own ContainerProvider";

    private volatile long asyncSendTimeout;
    private volatile long maxSessionIdleTimeout;
    private volatile int maxBinaryMessageBufferSize;
    private volatile int maxTextMessageBufferSize;

    /** @param limits the engine's limits whose values are the defaults here */
    public ClientlessContainer(Limits limits) {
        this.asyncSendTimeout = limits.sendTimeout().toMillis();
        this.maxSessionIdleTimeout = limits.idleTimeout().toMillis();
        int bufferSize = (int) Math.min(Integer.MAX_VALUE, limits.maxMessageSize());
        this.maxBinaryMessageBufferSize = bufferSize;
        this.maxTextMessageBufferSize = bufferSize;
    }

    @Override
    public long getDefaultAsyncSendTimeout() {
        return asyncSendTimeout;
    }

    @Override
    public void setAsyncSendTimeout(long timeoutmillis) {
        this.asyncSendTimeout = timeoutmillis;
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return maxSessionIdleTimeout;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        this.maxSessionIdleTimeout = timeout;
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return maxBinaryMessageBufferSize;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        this.maxBinaryMessageBufferSize = max;
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return maxTextMessageBufferSize;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        this.maxTextMessageBufferSize = max;
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of();
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) {
        throw new UnsupportedOperationException(NO_CLIENT);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) {
        throw new UnsupportedOperationException(NO_CLIENT);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path) {
        throw new UnsupportedOperationException(NO_CLIENT);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path) {
        throw new UnsupportedOperationException(NO_CLIENT);
    }
}
