package dev.switch101.it.jcontainer;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An annotated endpoint the initializer finds by scanning (returned as is by
 * {@link RoomApplicationConfig#getAnnotatedEndpointClasses}): echoes each text message prefixed
 * with the path parameter and the Session class, which says whose implementation serves it.
 */
@ServerEndpoint("/jakarta/annotated/{word}")
public class AnnotatedEcho {

    @OnMessage
    public String echo(String message, @PathParam("word") String word, Session session) {
        return word + ":" + session.getClass().getName() + ":" + message;
    }

    @OnError
    public void failed(Throwable cause) {
        // the test sees a failure as a missing echo
    }
}
