package dev.switch101.examples;

import java.io.IOException;
import java.lang.System.Logger.Level;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * A programmatic endpoint (no annotations: {@link ExamplesApplicationConfig} registers it at
 * {@value #PATH}): every text message comes back reversed, by code point, so that
 * {@code "añ😀"} becomes {@code "😀ña"} and never a broken surrogate pair.
 */
public class ReverseEndpoint extends Endpoint {

    /** Where {@link ExamplesApplicationConfig} registers it. */
    public static final String PATH = "/reverse";

    /** Text messages larger than this many bytes are refused (1009). */
    static final int MAX_MESSAGE = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(ReverseEndpoint.class.getName());

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> reply(session, text));
    }

    /** @return {@code text} with its code points in reverse order */
    static String reverse(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder(text.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return reversed.toString();
    }

    private static void reply(Session session, String text) {
        try {
            session.getBasicRemote().sendText(reverse(text));
        } catch (IOException e) {
            // The connection is gone; the container has closed the session and reports it in onClose.
            LOG.log(Level.DEBUG, "reverse: reply failed: {0}", e.toString());
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        LOG.log(Level.DEBUG, "reverse: closed {0}", closeReason);
    }
}
