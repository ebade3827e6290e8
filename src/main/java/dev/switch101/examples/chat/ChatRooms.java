package dev.switch101.examples.chat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.websocket.Session;

/**
 * The application's rooms, made when the first member joins and dropped when the last one
 * leaves. Bounded: at most {@value #MAX_ROOMS} rooms of at most {@value #MAX_MEMBERS} members,
 * names of 1–32 letters, digits, {@code -} or {@code _}.
 */
public final class ChatRooms {

    static final int MAX_ROOMS = 256;
    static final int MAX_MEMBERS = 256;
    private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final ChatRooms SHARED = new ChatRooms(Clock.systemUTC());

    private final Clock clock;
    private final Map<String, ChatRoom> rooms = new HashMap<>();
    /** One thread closes the members that cannot keep up (a close may wait for their send in flight). */
    private final ExecutorService closer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "switch101-chat-closer");
        thread.setDaemon(true);
        return thread;
    });

    ChatRooms(Clock clock) {
        this.clock = clock;
    }

    /** @return the rooms of this application */
    public static ChatRooms shared() {
        return SHARED;
    }

    /** A member in its room, or why it could not join. */
    record Joined(ChatRoom room, ChatMember member, String refusal) {
    }

    /** @return the new member in its room, or a refusal (the session is not touched) */
    synchronized Joined join(String roomName, Session session, String nickname, ChatFormat format) {
        if (!ROOM_NAME.matcher(roomName).matches()) {
            return new Joined(null, null, "room names are 1-32 letters, digits, '-' or '_'");
        }
        ChatRoom room = rooms.get(roomName);
        if (room == null) {
            if (rooms.size() >= MAX_ROOMS) {
                return new Joined(null, null, "too many rooms (" + MAX_ROOMS + ")");
            }
            room = new ChatRoom(roomName, clock);
            rooms.put(roomName, room);
        } else if (room.size() >= MAX_MEMBERS) {
            return new Joined(null, null, "room full (" + MAX_MEMBERS + " members)");
        }
        ChatMember member = new ChatMember(session, nickname, format, closer);
        room.join(member);
        return new Joined(room, member, null);
    }

    synchronized void leave(ChatRoom room, ChatMember member) {
        if (room.leave(member)) {
            rooms.remove(room.name(), room);
        }
    }

    /** @return the number of rooms with members */
    public synchronized int size() {
        return rooms.size();
    }

    /** Stops closing slow members (the application is stopping; the container closes every session). */
    public void stop() {
        closer.shutdownNow();
        try {
            closer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
