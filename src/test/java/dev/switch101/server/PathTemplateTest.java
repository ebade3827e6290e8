package dev.switch101.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Endpoint paths: exact segments, and variables that each stand for one non-empty segment. */
class PathTemplateTest {

    @Test
    void exactPathMatchesOnlyItself() {
        PathTemplate echo = new PathTemplate("/echo");
        assertTrue(echo.isExact());
        assertEquals(Map.of(), echo.match("/echo"));
        assertNull(echo.match("/echo/"));
        assertNull(echo.match("/echoes"));
        assertNull(echo.match("/"));
    }

    @Test
    void variablesTakeOneSegmentEach() {
        PathTemplate chat = new PathTemplate("/chat/{room}/{user}");
        assertFalse(chat.isExact());
        assertEquals(Map.of("room", "lobby", "user", "ann"), chat.match("/chat/lobby/ann"));
        assertNull(chat.match("/chat/lobby"));
        assertNull(chat.match("/chat/lobby/ann/extra"));
    }

    @Test
    void variableNeverMatchesAnEmptySegment() {
        assertNull(new PathTemplate("/chat/{room}").match("/chat/"));
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("echo"));
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/{x}/{x}"));
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/b{x}"));
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/{}"));
    }

    @Test
    void variableNeverMatchesDotSegments() {
        // "." and ".." are path navigation, not values (Jakarta WebSocket 2.1 §3.1.1, RFC 3986 §3.3).
        PathTemplate chat = new PathTemplate("/chat/{room}");
        assertNull(chat.match("/chat/."));
        assertNull(chat.match("/chat/.."));
        assertEquals(Map.of("room", "..."), chat.match("/chat/..."));
    }

    @Test
    void segmentsCompareWholeWhereverTheSlashesFall() {
        assertNull(new PathTemplate("/ab/c").match("/a/bc"));
        assertNull(new PathTemplate("/a/bc").match("/a/b"));
        assertNull(new PathTemplate("/a/b").match("/a/bc"));
        assertEquals(Map.of(), new PathTemplate("/").match("/"));
        assertNull(new PathTemplate("/").match("/x"));
        assertNull(new PathTemplate("/{x}").match("/"));
        assertEquals(Map.of("x", "b"), new PathTemplate("/a/{x}/c").match("/a/b/c"));
        assertNull(new PathTemplate("/a/{x}/c").match("/a/b/d"));
    }

    @Test
    void trailingSlashIsASegmentOfItsOwn() {
        // §3.1.1: "/a/{x}" does not match "/a/b/" (a different segment count).
        assertNull(new PathTemplate("/a/{x}").match("/a/b/"));
        assertEquals(Map.of(), new PathTemplate("/a/").match("/a/"));
    }

    @Test
    void templatesDifferingOnlyInVariableNamesAreEquivalent() {
        assertTrue(new PathTemplate("/a/{x}").isEquivalentTo(new PathTemplate("/a/{y}")));
        assertTrue(new PathTemplate("/a/{x}/c").isEquivalentTo(new PathTemplate("/a/{y}/c")));
        assertFalse(new PathTemplate("/a/{x}").isEquivalentTo(new PathTemplate("/a/b")));
        assertFalse(new PathTemplate("/a/{x}").isEquivalentTo(new PathTemplate("/a/{x}/c")));
        assertFalse(new PathTemplate("/{x}/b").isEquivalentTo(new PathTemplate("/a/{x}")));
    }

    @Test
    void literalSegmentsArePreferredLeftToRight() {
        // §3.1.1: at the first segment where one path is literal and the other a variable, the literal wins.
        assertTrue(new PathTemplate("/a/b/c").comparePreference(new PathTemplate("/a/{x}/c")) < 0);
        assertTrue(new PathTemplate("/a/{x}/c").comparePreference(new PathTemplate("/a/{x}/{y}")) < 0);
        assertTrue(new PathTemplate("/a/{x}/{y}").comparePreference(new PathTemplate("/{w}/b/c")) < 0);
        assertTrue(new PathTemplate("/{w}/b/c").comparePreference(new PathTemplate("/a/{x}/{y}")) > 0);
        assertEquals(0, new PathTemplate("/a/{x}").comparePreference(new PathTemplate("/a/{y}")));
    }

    @Test
    void malformedTemplatesNameTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PathTemplate("chat"))
                .getMessage().contains("does not start with '/'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a//b"))
                .getMessage().contains("empty segment"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/{x y}"))
                .getMessage().contains("invalid variable name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/{x}/{x}"))
                .getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PathTemplate("/a/pre{x}"))
                .getMessage().contains("not a whole segment"));
    }
}
