package dev.switch101.examples.chat;

import java.lang.System.Logger.Level;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /chat}: the room {@value #LOBBY}, the same room as {@code /chat/lobby}; otherwise as
 * {@link ChatEndpoint}.
 */
@ServerEndpoint(value = "/chat", subprotocols = {"chat", "superchat"})
public class LobbyEndpoint {

    private static final System.Logger LOG = System.getLogger(LobbyEndpoint.class.getName());

    /** The room of {@code /chat}. */
    public static final String LOBBY = "lobby";

    private ChatConnection connection;

    @OnOpen
    public void open(Session session) {
        connection = ChatConnection.open(ChatRooms.shared(), session, LOBBY);
    }

    @OnMessage(maxMessageSize = ChatConnection.MAX_MESSAGE)
    public void message(String text) {
        if (connection != null) {
            connection.say(text);
        }
    }

    @OnClose
    public void close() {
        if (connection != null) {
            connection.leave();
        }
    }

    @OnError
    public void error(Throwable failure) {
        // The container closes the session after this; onClose leaves the room.
        LOG.log(Level.DEBUG, "chat: {0}", failure.toString());
    }
}
