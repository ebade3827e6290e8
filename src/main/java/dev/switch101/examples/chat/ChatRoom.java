package dev.switch101.examples.chat;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The members of one room; every event goes to each of them, the sender included. */
final class ChatRoom {

    private final String name;
    private final Clock clock;
    private final Set<ChatMember> members = ConcurrentHashMap.newKeySet();

    ChatRoom(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    void join(ChatMember member) {
        members.add(member);
        broadcast(ChatEvent.Kind.JOIN, member, "");
    }

    /** @return whether the room is empty now */
    boolean leave(ChatMember member) {
        member.leave();
        if (members.remove(member)) {
            broadcast(ChatEvent.Kind.LEAVE, member, "");
        }
        return members.isEmpty();
    }

    void say(ChatMember member, String text) {
        broadcast(ChatEvent.Kind.MESSAGE, member, text);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    private void broadcast(ChatEvent.Kind kind, ChatMember from, String text) {
        ChatEvent event = new ChatEvent(kind, name, from.nickname(), text, clock.instant());
        for (ChatMember member : members) {
            member.deliver(event);
        }
    }
}
