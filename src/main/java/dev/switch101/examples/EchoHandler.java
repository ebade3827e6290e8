package dev.switch101.examples;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * Echo on the engine's own interface: every message goes back as it came, text as text and
 * binary as binary. It streams — each part is sent on as it arrives — so a 32 MiB message
 * passes through in the engine's bounded buffers, and a peer that stops reading slows its
 * own sending down (the send waits, the engine stops reading).
 */
public final class EchoHandler implements FrameHandler {

    private static final System.Logger LOG = System.getLogger(EchoHandler.class.getName());

    private WebSocketSession session;

    @Override
    public void onOpen(WebSocketSession webSocketSession) {
        this.session = webSocketSession;
    }

    /** It only keeps the session. */
    @Override
    public boolean opensWithoutWaiting() {
        return true;
    }

    /** It only logs. */
    @Override
    public boolean closesWithoutWaiting() {
        return true;
    }

    @Override
    public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
        try {
            session.sendPart(type, part, last);
        } catch (IOException e) {
            // The connection is gone or its peer stopped reading; the engine has closed it.
            LOG.log(Level.DEBUG, "Echo failed: {0}", e.toString());
        }
    }

    @Override
    public void onClose(CloseStatus status) {
        LOG.log(Level.DEBUG, "Echo closed: {0}", status);
    }
}
