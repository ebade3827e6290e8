package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubprotocolsTest {

    // RFC 6455 §4.1 item 10 / §11.3.4: offers may span several headers; order is preference.
    @Test
    void OffersFromSeveralHeadersAreKeptInOrder() {
        HandshakeRequest request = RequestSpec.valid()
                .set("Sec-WebSocket-Protocol", "chat, superchat", " ,v2.stomp ", "chat").build();
        assertEquals(List.of("chat", "superchat", "v2.stomp"), Subprotocols.offered(request));
    }

    // RFC 6455 §4.2.1 item 8: the header is optional.
    @Test
    void NoOfferGivesEmptyList() {
        assertEquals(List.of(), Subprotocols.offered(RequestSpec.valid().build()));
    }

    // RFC 6455 §4.2.2 step 4 /subprotocol/: the client's preference decides among supported ones.
    @Test
    void FirstSupportedOfferIsSelected() {
        assertEquals(Optional.of("superchat"),
                Subprotocols.select(List.of("mqtt", "superchat", "chat"), List.of("chat", "superchat")));
    }

    // RFC 6455 §4.2.2: no common subprotocol means no Sec-WebSocket-Protocol in the response.
    @Test
    void NoCommonSubprotocolSelectsNone() {
        assertEquals(Optional.empty(), Subprotocols.select(List.of("mqtt"), List.of("chat")));
        assertEquals(Optional.empty(), Subprotocols.select(List.of(), List.of("chat")));
    }

    // RFC 6455 §11.3.4: subprotocol names are compared case-sensitively.
    @Test
    void SelectionIsCaseSensitive() {
        assertEquals(Optional.empty(), Subprotocols.select(List.of("Chat"), List.of("chat")));
    }
}
