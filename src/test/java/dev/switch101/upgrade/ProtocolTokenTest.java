package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The {@code Upgrade} header grammar: protocol-name ["/" protocol-version], a comma list (RFC 9110 §7.8). */
class ProtocolTokenTest {

    @Test
    void nameAndVersionAreSplitAtTheSlash() {
        assertEquals(new ProtocolToken("example", "1"), ProtocolToken.parse("example/1"));
        assertEquals(new ProtocolToken("websocket", null), ProtocolToken.parse(" websocket "));
    }

    @Test
    void offersKeepTheClientsOrderAcrossElementsAndRepeatedHeaders() {
        // MDN seed: "Upgrade: example/1, foo/2" lists protocols in descending preference.
        List<ProtocolToken> offers = ProtocolToken.offers(List.of("example/1, foo/2", "websocket"));
        assertEquals(List.of(new ProtocolToken("example", "1"), new ProtocolToken("foo", "2"), ProtocolToken.of("websocket")),
                offers);
    }

    @Test
    void emptyElementsAreIgnored() {
        // RFC 9110 §5.6.1: a recipient accepts and ignores empty list elements.
        assertEquals(List.of(ProtocolToken.of("a"), ProtocolToken.of("b")), ProtocolToken.offers(List.of(",a,, b ,")));
    }

    @Test
    void malformedElementsAreSkippedNotFatal() {
        assertNull(ProtocolToken.parse("foo/"));
        assertNull(ProtocolToken.parse("/1"));
        assertNull(ProtocolToken.parse("a/b/c"));
        assertNull(ProtocolToken.parse("sp ace"));
        assertEquals(List.of(new ProtocolToken("echo", "1")), ProtocolToken.offers(List.of("foo bar, echo/1, x/y/z")));
    }

    @Test
    void namesAndVersionsMatchCaseInsensitively() {
        assertTrue(new ProtocolToken("echo", "1").acceptsOffer(ProtocolToken.parse("ECHO/1")));
        assertTrue(ProtocolToken.of("websocket").acceptsOffer(ProtocolToken.parse("WebSocket")));
    }

    @Test
    void aVersionedRegistrationRejectsOtherOrMissingVersions() {
        ProtocolToken echo1 = new ProtocolToken("echo", "1");
        assertFalse(echo1.acceptsOffer(ProtocolToken.parse("echo/2")));
        assertFalse(echo1.acceptsOffer(ProtocolToken.parse("echo")));
    }

    @Test
    void anUnversionedRegistrationTakesAnyVersion() {
        assertTrue(ProtocolToken.of("websocket").acceptsOffer(ProtocolToken.parse("websocket/13")));
    }

    @Test
    void headerFormIsNameSlashVersion() {
        assertEquals("echo/1", new ProtocolToken("echo", "1").toString());
        assertEquals("websocket", ProtocolToken.of("websocket").toString());
    }

    @Test
    void constructorRejectsNonTokens() {
        assertThrows(IllegalArgumentException.class, () -> new ProtocolToken("a b", null));
        assertThrows(IllegalArgumentException.class, () -> new ProtocolToken("a", "1/2"));
    }
}
