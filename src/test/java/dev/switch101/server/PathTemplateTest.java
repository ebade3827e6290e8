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
}
