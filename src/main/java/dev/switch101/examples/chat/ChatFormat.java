package dev.switch101.examples.chat;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;

/**
 * How a member sees the room, chosen by the subprotocol it negotiated (the seed chapter's
 * {@code Sec-WebSocket-Protocol: chat, superchat}): {@code chat} is plain text lines,
 * {@code superchat} adds the sender and a timestamp as JSON. A client that negotiated none
 * gets {@code chat}.
 */
public enum ChatFormat {

    /** {@code alice: hello}, {@code * alice joined lobby}, {@code * alice left lobby}. */
    CHAT("chat") {
        @Override
        public String render(ChatEvent event) {
            return switch (event.kind()) {
                case MESSAGE -> event.sender() + ": " + event.text();
                case JOIN -> "* " + event.sender() + " joined " + event.room();
                case LEAVE -> "* " + event.sender() + " left " + event.room();
            };
        }
    },

    /**
     * One JSON object per event:
     * {@code {"type":"message","room":"lobby","sender":"alice","text":"hello","timestamp":"2026-12-02T13:00:00Z"}};
     * joins and leaves have type {@code join}/{@code leave} and no {@code text}.
     */
    SUPERCHAT("superchat") {
        @Override
        public String render(ChatEvent event) {
            var json = JSON.createObjectBuilder()
                    .add("type", event.kind().wireName())
                    .add("room", event.room())
                    .add("sender", event.sender());
            if (event.kind() == ChatEvent.Kind.MESSAGE) {
                json.add("text", event.text());
            }
            return json.add("timestamp", event.timestamp().toString()).build().toString();
        }
    };

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final String subprotocol;

    ChatFormat(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    /** @return the text frame a member with this format receives for {@code event} */
    public abstract String render(ChatEvent event);

    /** @return the format of a negotiated subprotocol ({@code ""} when none was: {@link #CHAT}) */
    public static ChatFormat forSubprotocol(String negotiated) {
        return SUPERCHAT.subprotocol.equals(negotiated) ? SUPERCHAT : CHAT;
    }
}
