package dev.switch101.examples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The two subprotocols of the chat example (the seed chapter's chat, superchat), byte for byte. */
class ChatFormatTest {

    private static final Instant AT = Instant.parse("2026-12-02T13:00:00Z");

    @Test
    void chatIsPlainLines() {
        assertEquals("alice: hi \"there\"", ChatFormat.CHAT.render(new ChatEvent(ChatEvent.Kind.MESSAGE, "lobby", "alice", "hi \"there\"", AT)));
        assertEquals("* alice joined lobby", ChatFormat.CHAT.render(new ChatEvent(ChatEvent.Kind.JOIN, "lobby", "alice", "", AT)));
        assertEquals("* alice left lobby", ChatFormat.CHAT.render(new ChatEvent(ChatEvent.Kind.LEAVE, "lobby", "alice", "", AT)));
    }

    @Test
    void superchatIsJsonWithSenderAndTimestampEscapedByJsonP() {
        assertEquals("{\"type\":\"message\",\"room\":\"lobby\",\"sender\":\"alice\",\"text\":\"hi \\\"there\\\"\\n\",\"timestamp\":\"2026-12-02T13:00:00Z\"}",
                ChatFormat.SUPERCHAT.render(new ChatEvent(ChatEvent.Kind.MESSAGE, "lobby", "alice", "hi \"there\"\n", AT)));
        assertEquals("{\"type\":\"join\",\"room\":\"r1\",\"sender\":\"bob\",\"timestamp\":\"2026-12-02T13:00:00Z\"}",
                ChatFormat.SUPERCHAT.render(new ChatEvent(ChatEvent.Kind.JOIN, "r1", "bob", "", AT)));
    }

    @Test
    void noSubprotocolMeansChat() {
        assertEquals(ChatFormat.CHAT, ChatFormat.forSubprotocol(""));
        assertEquals(ChatFormat.CHAT, ChatFormat.forSubprotocol("chat"));
        assertEquals(ChatFormat.SUPERCHAT, ChatFormat.forSubprotocol("superchat"));
    }

    @Test
    void nicknamesAreTrimmedCutAndFreeOfControlCharacters() {
        assertEquals("alice", ChatConnection.nickname(java.util.List.of("  ali\u0007ce \n")));
        assertEquals(32, ChatConnection.nickname(java.util.List.of("x".repeat(40))).length());
        assertEquals(true, ChatConnection.nickname(null).startsWith("guest-"));
        assertEquals(true, ChatConnection.nickname(java.util.List.of(" ")).startsWith("guest-"));
    }
}
