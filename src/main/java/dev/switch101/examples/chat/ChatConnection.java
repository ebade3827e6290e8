package dev.switch101.examples.chat;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * What {@link ChatEndpoint} and {@link LobbyEndpoint} share: joining the room named in the path
 * with the nickname from the query ({@code ?name=alice}, else {@code guest-N}), saying what the
 * member sends, leaving when the connection ends.
 */
final class ChatConnection {

    /** The largest message a member may send (bytes); larger ones end the connection with 1009. */
    static final int MAX_MESSAGE = 4096;

    private static final int MAX_NICKNAME = 32;
    private static final AtomicLong GUESTS = new AtomicLong();
    private static final System.Logger LOG = System.getLogger(ChatConnection.class.getName());

    private final ChatRooms rooms;
    private final ChatRoom room;
    private final ChatMember member;

    private ChatConnection(ChatRooms rooms, ChatRoom room, ChatMember member) {
        this.rooms = rooms;
        this.room = room;
        this.member = member;
    }

    /** Joins the room, or closes the session with 1008 and the reason; then returns {@code null}. */
    static ChatConnection open(ChatRooms rooms, Session session, String roomName) {
        String nickname = nickname(session.getRequestParameterMap().get("name"));
        ChatFormat format = ChatFormat.forSubprotocol(session.getNegotiatedSubprotocol());
        ChatRooms.Joined joined = rooms.join(roomName, session, nickname, format);
        if (joined.refusal() != null) {
            close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, joined.refusal()));
            return null;
        }
        return new ChatConnection(rooms, joined.room(), joined.member());
    }

    void say(String text) {
        room.say(member, text);
    }

    void leave() {
        rooms.leave(room, member);
    }

    /** @return the nickname asked for, trimmed and cut to 32 characters without control characters, or a guest name */
    static String nickname(List<String> asked) {
        String name = asked == null || asked.isEmpty() ? "" : asked.get(0).strip();
        name = name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NICKNAME)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.isEmpty() ? "guest-" + GUESTS.incrementAndGet() : name;
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "chat: close failed: {0}", e.toString());
        }
    }
}
