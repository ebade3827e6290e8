package dev.switch101.it.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import dev.switch101.frame.CloseStatus;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.WebSocketServer;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * Another application that uses Switch101 as a library: the engine jar in WEB-INF/lib (its
 * web-fragment declares the filter), no web.xml, and this listener registering an endpoint
 * that answers every message with its length in bytes.
 */
@WebListener
public final class LibraryApp implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        WebSocketServer.of(event.getServletContext()).addEndpoint(EndpointRegistration.of("/ws", LengthHandler::new));
    }

    /** Answers each whole message with "length=N". */
    public static final class LengthHandler implements FrameHandler {
        private WebSocketSession session;
        private long length;

        @Override
        public void onOpen(WebSocketSession webSocketSession) {
            this.session = webSocketSession;
        }

        @Override
        public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            length += part.remaining();
            if (last) {
                try {
                    session.sendText("length=" + length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                length = 0;
            }
        }

        @Override
        public void onClose(CloseStatus status) {
        }
    }
}
