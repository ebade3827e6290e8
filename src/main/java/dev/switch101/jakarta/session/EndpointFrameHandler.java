package dev.switch101.jakarta.session;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;
import java.nio.ByteBuffer;

/**
 * A Jakarta {@link jakarta.websocket.Endpoint} on the engine's {@link FrameHandler} interface:
 * one per connection. It makes the {@link jakarta.websocket.Session} when the engine opens the
 * connection and turns the engine's message parts into the endpoint's message handlers.
 */
public final class EndpointFrameHandler implements FrameHandler {

    private final SessionSetup setup;

    public EndpointFrameHandler(SessionSetup setup) {
        this.setup = setup;
    }

    @Override
    public void onOpen(WebSocketSession session) {
        throw new UnsupportedOperationException("not yet implemented"); // contract placeholder, replaced by the session work
    }

    @Override
    public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
        throw new UnsupportedOperationException("not yet implemented"); // contract placeholder
    }

    @Override
    public void onClose(CloseStatus status) {
        throw new UnsupportedOperationException("not yet implemented"); // contract placeholder
    }
}
