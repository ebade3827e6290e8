package dev.switch101.it.jsession.app;

import java.net.URI;
import java.util.Set;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/**
 * The test's own minimal {@link WebSocketContainer}: just the defaults a session reads (the
 * real container is the container side's work). Whole messages up to 2 Mi characters / bytes,
 * no idle timeout of its own, no async send timeout.
 */
public final class PlainContainer implements WebSocketContainer {

    static final int MAX_BUFFER = 2 << 20;

    private volatile long asyncSendTimeout;
    private volatile long idleTimeout;
    private volatile int maxBinary = MAX_BUFFER;
    private volatile int maxText = MAX_BUFFER;

    @Override
    public long getDefaultAsyncSendTimeout() {
        return asyncSendTimeout;
    }

    @Override
    public void setAsyncSendTimeout(long timeoutmillis) {
        asyncSendTimeout = timeoutmillis;
    }

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) {
        throw new UnsupportedOperationException("The test container connects nowhere");
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) {
        throw new UnsupportedOperationException("The test container connects nowhere");
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path) {
        throw new UnsupportedOperationException("The test container connects nowhere");
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path) {
        throw new UnsupportedOperationException("The test container connects nowhere");
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return idleTimeout;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        idleTimeout = timeout;
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return maxBinary;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        maxBinary = max;
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return maxText;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        maxText = max;
    }

    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of();
    }
}
