package dev.switch101.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/** Which endpoint serves a request path: Jakarta WebSocket 2.1 §3.1.1, with the spec's own examples. */
class EndpointTableTest {

    private static final class NoHandler implements FrameHandler {
        @Override
        public void onOpen(WebSocketSession session) {
        }

        @Override
        public void onMessagePart(MessageType type, java.nio.ByteBuffer part, boolean last) {
        }

        @Override
        public void onClose(CloseStatus status) {
        }
    }

    private static EndpointTable table(String... paths) {
        EndpointTable table = new EndpointTable();
        for (String path : paths) {
            table.add(EndpointRegistration.of(path, NoHandler::new));
        }
        return table;
    }

    private static String served(EndpointTable table, String path) {
        WebSocketServer.Match match = table.match(path);
        return match == null ? null : match.endpoint().path().template() + " " + match.pathParameters();
    }

    @Test
    void specExampleExactBeatsTemplatesAndEachPathFindsItsOwn() {
        // §3.1.1: A /a/{var}/c, B /a/b/c, C /a/{var1}/{var2}; registration order must not matter.
        for (List<String> order : List.of(List.of("/a/{var}/c", "/a/b/c", "/a/{var1}/{var2}"),
                List.of("/a/{var1}/{var2}", "/a/{var}/c", "/a/b/c"))) {
            EndpointTable table = table(order.toArray(String[]::new));
            assertEquals("/a/b/c {}", served(table, "/a/b/c"));
            assertEquals("/a/{var}/c {var=d}", served(table, "/a/d/c"));
            assertEquals("/a/{var1}/{var2} {var1=x, var2=y}", served(table, "/a/x/y"));
            assertNull(served(table, "/a/x/y/"), "a trailing slash is another segment count");
            assertNull(served(table, "/a/x"));
        }
    }

    @Test
    void literalSegmentsWinLeftToRight() {
        EndpointTable table = table("/{x}/b/c", "/a/{y}/{z}");
        // Both match /a/b/c; the first segment decides: literal "a" beats the variable.
        assertEquals("/a/{y}/{z} {y=b, z=c}", served(table, "/a/b/c"));
        assertEquals("/{x}/b/c {x=q}", served(table, "/q/b/c"));
    }

    @Test
    void sameSegmentCountOnly() {
        EndpointTable table = table("/chat/{room}", "/chat");
        assertEquals("/chat {}", served(table, "/chat"));
        assertEquals("/chat/{room} {room=lobby}", served(table, "/chat/lobby"));
        assertNull(served(table, "/chat/lobby/extra"));
        assertNull(served(table, "/chat/"), "a variable never matches an empty segment");
    }

    @Test
    void equivalentOrDuplicatePathsAreRefused() {
        EndpointTable table = table("/a/{x}", "/b");
        assertTrue(assertThrows(IllegalStateException.class,
                () -> table.add(EndpointRegistration.of("/a/{y}", NoHandler::new))).getMessage().contains("/a/{x}"));
        assertThrows(IllegalStateException.class, () -> table.add(EndpointRegistration.of("/b", NoHandler::new)));
        assertEquals(Map.of("x", "1"), table.match("/a/1").pathParameters());
    }
}
