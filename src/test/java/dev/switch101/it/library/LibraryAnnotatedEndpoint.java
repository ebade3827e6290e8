package dev.switch101.it.library;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A plain {@code @ServerEndpoint} in an application that has the engine only as a jar in
 * WEB-INF/lib: the jar's ServletContainerInitializer must find and deploy it.
 */
@ServerEndpoint("/annotated")
public class LibraryAnnotatedEndpoint {

    /** Answers with the text and the class of the session serving it, to show whose it is. */
    @OnMessage
    public String echo(String text, Session session) {
        return text + " via " + session.getClass().getName();
    }
}
