package dev.switch101.examples.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in a room: a message, or a member joining or leaving.
 *
 * @param kind what happened
 * @param room the room's name
 * @param sender the member's nickname
 * @param text the message ({@code ""} for joins and leaves)
 * @param timestamp when the server saw it
 */
public record ChatEvent(Kind kind, String room, String sender, String text, Instant timestamp) {

    /** The kinds of event, with their name in the {@code superchat} JSON. */
    public enum Kind {
        MESSAGE("message"), JOIN("join"), LEAVE("leave");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** @return the name in the {@code superchat} JSON's {@code type} */
        public String wireName() {
            return wireName;
        }
    }

    public ChatEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(room);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(text);
        Objects.requireNonNull(timestamp);
    }
}
