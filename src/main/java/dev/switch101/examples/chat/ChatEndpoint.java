package dev.switch101.examples.chat;

import java.lang.System.Logger.Level;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A chat room per path: {@code /chat/{room}?name=alice}. Every message a member sends goes to
 * every member, as plain text ({@code chat}) or as JSON with sender and timestamp
 * ({@code superchat}), whichever the member negotiated; joins and leaves are announced.
 * A member that cannot keep up is disconnected with 1008 ({@link ChatMember#TOO_SLOW}).
 */
@ServerEndpoint(value = "/chat/{room}", subprotocols = {"chat", "superchat"})
public class ChatEndpoint {

    private static final System.Logger LOG = System.getLogger(ChatEndpoint.class.getName());

    private ChatConnection connection;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        connection = ChatConnection.open(ChatRooms.shared(), session, room);
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
