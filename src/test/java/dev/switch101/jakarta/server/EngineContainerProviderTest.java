package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.switch101.session.Limits;

/** Switch101 has no WebSocket client: its provider steps aside, and its container says what to use. */
class EngineContainerProviderTest {

    @Test
    void anotherVisibleProviderIsLeftToServeTheClient() {
        // Tomcat's WsContainerProvider is on this test class path: ContainerProvider.getWebSocketContainer()
        // must reach it, so ours returns null (the API takes the first non-null container).
        assertNull(new EngineContainerProvider().getContainer());
    }

    @Test
    void connectToServerNamesTheAlternatives() {
        UnsupportedOperationException failure = assertThrows(UnsupportedOperationException.class,
                () -> new ClientlessContainer(Limits.DEFAULT).connectToServer(Object.class, URI.create("ws://x/")));
        assertTrue(failure.getMessage().contains("java.net.http.WebSocket"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Tyrus"), failure.getMessage());
    }
}
