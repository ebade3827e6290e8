package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseStatus;

/** The application's sessions: one sweep enforces every session's timeouts, whatever one of them does. */
class SessionsTest {

    private final Sessions sessions = new Sessions();

    @AfterEach
    void stopTheTimer() {
        sessions.close();
    }

    // A transport that threw in the sweep ended the periodic task: from then on no idle, close or
    // frame timeout of any connection of the application was enforced, and nothing was logged.
    @Test
    void aSessionWhoseTimeoutCheckThrowsIsDroppedAndTheOthersAreStillSwept() {
        StubTransport broken = new StubTransport(true);
        StubTransport healthy = new StubTransport(false);
        CoreSession first = idleSession(broken);
        CoreSession second = idleSession(healthy);
        sessions.add(first);
        sessions.add(second);

        long later = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        sessions.sweep(later); // must not throw
        assertTrue(broken.aborted, "the failing session is dropped");
        assertEquals(1, healthy.closeFrames.size(), "the other one is closed for idleness (1001)");
        assertEquals(0x03, healthy.closeFrames.get(0)[2]);
        assertEquals((byte) 0xE9, healthy.closeFrames.get(0)[3]);

        sessions.sweep(later + Duration.ofSeconds(10).toNanos()); // and the sweep goes on
        assertTrue(healthy.aborted, "the unanswered close ends with an abort one close timeout later");
    }

    private static CoreSession idleSession(Transport transport) {
        CoreSession session = new CoreSession(new SilentHandler(), new HandshakeInfo("ws://localhost/x",
                Map.of(), null, Map.of(), Map.of(), "", List.of(), null, null, false), Limits.DEFAULT, transport,
                Runnable::run);
        session.start();
        session.view().setIdleTimeout(Duration.ofSeconds(1));
        return session;
    }

    /** Records close frames and aborts; can fail every close frame, as a broken container stream does. */
    private static final class StubTransport implements Transport {
        final boolean failsCloseFrames;
        final List<byte[]> closeFrames = new ArrayList<>();
        boolean aborted;

        StubTransport(boolean failsCloseFrames) {
            this.failsCloseFrames = failsCloseFrames;
        }

        @Override
        public void writeData(byte[] frame, long deadline) {
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean writeControl(byte[] frame) {
            return true;
        }

        @Override
        public void writeClose(byte[] frame) {
            if (failsCloseFrames) {
                throw new IllegalStateException("the container's stream is broken");
            }
            closeFrames.add(frame);
        }

        @Override
        public void closeAfterFlush() {
        }

        @Override
        public void abort() {
            aborted = true;
        }

        @Override
        public void demand() {
        }
    }

    private static final class SilentHandler implements FrameHandler {
        @Override
        public void onOpen(WebSocketSession session) {
        }

        @Override
        public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
        }

        @Override
        public void onClose(CloseStatus status) {
        }
    }
}
