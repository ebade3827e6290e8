package dev.switch101.jakarta.server;

import java.nio.ByteBuffer;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * A connection's handler that releases its endpoint instance (CDI) once the connection has
 * closed, or once it is clear that it will never open.
 */
final class ReleasingFrameHandler implements FrameHandler {

    private final FrameHandler delegate;
    private final EndpointInstances.Instance instance;

    ReleasingFrameHandler(FrameHandler delegate, EndpointInstances.Instance instance) {
        this.delegate = delegate;
        this.instance = instance;
    }

    @Override
    public void onOpen(WebSocketSession session) {
        delegate.onOpen(session);
    }

    @Override
    public boolean opensWithoutWaiting() {
        return delegate.opensWithoutWaiting();
    }

    @Override
    public boolean closesWithoutWaiting() {
        // The release runs after onClose, on the same thread: CDI's @PreDestroy is the application's.
        return delegate.closesWithoutWaiting() && !instance.releaseRunsApplicationCode();
    }

    @Override
    public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
        delegate.onMessagePart(type, part, last);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        delegate.onPong(payload);
    }

    @Override
    public void onError(Throwable cause) {
        delegate.onError(cause);
    }

    @Override
    public void onAbandoned() {
        try {
            delegate.onAbandoned();
        } finally {
            instance.release();
        }
    }

    @Override
    public void onClose(CloseStatus status) {
        try {
            delegate.onClose(status);
        } finally {
            // onClose comes exactly once: the endpoint is done with.
            instance.release();
        }
    }
}
