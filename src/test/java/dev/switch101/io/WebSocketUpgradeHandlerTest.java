package dev.switch101.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.MessageType;
import dev.switch101.session.Sessions;
import dev.switch101.session.WebSocketSession;

/** A connection that never opens: its handler hears that once, and nothing else. */
class WebSocketUpgradeHandlerTest {

    private final Sessions sessions = new Sessions();
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        sessions.close();
    }

    private WebSocketUpgradeHandler upgradeHandler() {
        FrameHandler handler = new FrameHandler() {
            @Override
            public void onOpen(WebSocketSession session) {
                events.add("open");
            }

            @Override
            public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            }

            @Override
            public void onClose(CloseStatus status) {
                events.add("close");
            }

            @Override
            public void onAbandoned() {
                events.add("abandoned");
            }
        };
        HandshakeInfo info = new HandshakeInfo("ws://localhost/x", Map.of(), null, Map.of(), Map.of(), "",
                List.of(), null, null, false);
        return new WebSocketUpgradeHandler(handler, info, Limits.DEFAULT, Runnable::run, false, sessions,
                ReadResumption.PARK_CALLBACK_THREAD, List.of());
    }

    // The handler's endpoint instance (CDI) leaked: the container's streams failed before the
    // session existed, and nothing told the handler.
    @Test
    void aConnectionWhoseStreamsFailBeforeItOpensIsAbandonedOnce() {
        WebSocketUpgradeHandler upgrade = upgradeHandler();
        upgrade.init(new WebConnection() {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                throw new IOException("the connection is already gone");
            }

            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                throw new IOException("the connection is already gone");
            }

            @Override
            public void close() {
            }
        });
        upgrade.destroy();
        assertEquals(List.of("abandoned"), events);
    }

    // The container's upgrade() failed after the handshake was accepted: it never initialised us.
    @Test
    void aHandlerDestroyedWithoutInitIsAbandonedOnce() {
        WebSocketUpgradeHandler upgrade = upgradeHandler();
        upgrade.destroy();
        upgrade.destroy();
        assertEquals(List.of("abandoned"), events);
    }
}
