package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;

/**
 * The session's protocol behaviour byte for byte, with an in-memory transport and callbacks
 * run in the calling thread: what goes out for what comes in (RFC 6455 §5.5, §7, §8).
 */
class CoreSessionTest {

    private static final int MASK = 0x37fa213d;

    private final RecordingTransport transport = new RecordingTransport();
    private final RecordingHandler handler = new RecordingHandler();
    private final CoreSession session = newSession(Limits.DEFAULT);

    private CoreSession newSession(Limits limits) {
        HandshakeInfo info = new HandshakeInfo(URI.create("ws://localhost/echo"), Map.of(), null, Map.of(), Map.of(),
                "", List.of(), null, null, false);
        CoreSession s = new CoreSession(handler, info, limits, transport, Runnable::run);
        s.start();
        return s;
    }

    @Test
    void pingIsAnsweredWithPongOfTheSamePayload() {
        // RFC 6455 §5.5.2
        session.onBytes(clientFrame(true, OpCode.PING, "are you there"));
        assertArrayEquals(serverFrame(OpCode.PONG, "are you there".getBytes(StandardCharsets.UTF_8)),
                transport.sent.get(0));
    }

    @Test
    void peerCloseIsEchoedThenTcpClosedAndReportedOnce() {
        // RFC 6455 §5.5.1: reply with a close frame, echoing the code; then close TCP.
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "bye").toPayload()));
        assertArrayEquals(serverFrame(OpCode.CLOSE, new byte[] {0x03, (byte) 0xE8}), transport.sent.get(0));
        assertTrue(transport.closeAfterFlush);
        session.onEndOfInput();
        assertEquals(List.of("open", "close 1000 bye"), handler.events);
    }

    @Test
    void emptyCloseIsAnsweredWithEmptyClose() {
        session.onBytes(clientFrame(true, OpCode.CLOSE, ByteBuffer.allocate(0)));
        assertArrayEquals(serverFrame(OpCode.CLOSE, new byte[0]), transport.sent.get(0));
        assertEquals("close 1005 ", handler.events.get(1));
    }

    @Test
    void invalidUtf8InTextFailsWith1007() {
        // RFC 6455 §8.1
        session.onBytes(clientFrame(true, OpCode.TEXT, ByteBuffer.wrap(new byte[] {(byte) 0xC0, (byte) 0xAF})));
        assertEquals(1007, sentCloseCode());
        assertEquals("close 1007", handler.events.get(handler.events.size() - 1).substring(0, 10));
    }

    @Test
    void messageOverTheLimitFailsWith1009BeforeItsPayloadArrives() {
        CoreSession small = newSession(Limits.DEFAULT.withMaxMessageSize(1000, 1000));
        ByteBuffer header = ByteBuffer.allocate(14);
        FrameWriter.writeMaskedHeader(header, true, 0, OpCode.BINARY, 1001, MASK);
        small.onBytes(header.flip());
        assertEquals(1009, sentCloseCode());
    }

    @Test
    void unmaskedClientFrameFailsWith1002() {
        // RFC 6455 §5.1
        session.onBytes(FrameWriter.frame(true, 0, OpCode.TEXT, ByteBuffer.wrap(new byte[] {'a'})));
        assertEquals(1002, sentCloseCode());
    }

    @Test
    void textPartsReachTheHandlerInOrderWithTheLastFlag() {
        session.onBytes(clientFrame(false, OpCode.TEXT, "Hel"));
        session.onBytes(clientFrame(true, OpCode.CONTINUATION, "lo"));
        assertEquals(List.of("open", "TEXT Hel false", "TEXT lo true"), handler.events);
    }

    @Test
    void dataAfterCloseIsIgnored() {
        // RFC 6455 §1.4: after sending a close frame, the peer sends no more data; anything that comes is dropped.
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        session.onBytes(clientFrame(true, OpCode.TEXT, "late"));
        assertFalse(handler.events.stream().anyMatch(e -> e.contains("late")));
    }

    @Test
    void vanishedPeerIsReportedAs1006ExactlyOnce() {
        session.onEndOfInput();
        session.onTransportError(new IOException("reset"));
        assertEquals(List.of("open", "close 1006 "), handler.events);
    }

    @Test
    void serverCloseWaitsForThePeerThenTimesOut() {
        CoreSession s = newSession(Limits.DEFAULT);
        s.close(1000, "done");
        assertEquals(1000, sentCloseCode());
        assertFalse(transport.aborted);
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(6).toNanos());
        assertTrue(transport.aborted);
        assertEquals("close 1000 done", handler.events.get(handler.events.size() - 1));
    }

    @Test
    void sendAfterCloseFails() {
        session.close(1000, "");
        assertThrows(IOException.class, () -> session.sendText("too late"));
    }

    @Test
    void largeSendIsCutIntoFramesThatFitTheQueue() throws IOException {
        session.sendBinary(ByteBuffer.allocate(300_000));
        assertTrue(transport.sent.size() > 1, "frames: " + transport.sent.size());
        assertEquals(0x02, transport.sent.get(0)[0] & 0xFF); // BINARY, FIN=0
        assertEquals(0x80, transport.sent.get(transport.sent.size() - 1)[0] & 0xFF); // CONTINUATION, FIN=1
        assertTrue(transport.sent.stream().allMatch(f -> f.length <= Limits.DEFAULT.outboundQueueSize() / 2 + 14));
    }

    @Test
    void concurrentSendsFromManyThreadsAreQueuedWholeNeverRefused() throws Exception {
        // No "TEXT_FULL_WRITING": every whole message from every thread goes out, each in one piece.
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                sends.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        session.sendText("t" + id + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, transport.sent.size());
        assertTrue(transport.sent.stream().allMatch(f -> (f[0] & 0xFF) == 0x81), "each a single FIN text frame");
    }

    @Test
    void wholeMessageWaitsUntilAMessageInPartsIsFinished() throws Exception {
        session.sendPart(MessageType.TEXT, ByteBuffer.wrap("first ".getBytes(StandardCharsets.UTF_8)), false);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> whole = other.submit(() -> {
                session.sendText("other");
                return null;
            });
            Thread.sleep(200); // give the other thread every chance to cut in
            assertFalse(whole.isDone(), "the whole message must wait for the message in parts");
            session.sendPart(MessageType.TEXT, ByteBuffer.wrap("last".getBytes(StandardCharsets.UTF_8)), true);
            whole.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        // TEXT (FIN=0), CONTINUATION (FIN=1), then the other message as one TEXT frame.
        assertEquals(List.of(0x01, 0x80, 0x81), transport.sent.stream().map(f -> f[0] & 0xFF).toList());
    }

    // --- helpers -------------------------------------------------------------------------

    private int sentCloseCode() {
        byte[] last = transport.sent.get(transport.sent.size() - 1);
        assertEquals(0x88, last[0] & 0xFF, "a close frame");
        return ((last[2] & 0xFF) << 8) | (last[3] & 0xFF);
    }

    private static ByteBuffer clientFrame(boolean fin, OpCode opCode, String text) {
        return clientFrame(fin, opCode, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static ByteBuffer clientFrame(boolean fin, OpCode opCode, ByteBuffer payload) {
        return FrameWriter.maskedFrame(fin, 0, opCode, payload, MASK);
    }

    private static byte[] serverFrame(OpCode opCode, byte[] payload) {
        ByteBuffer frame = FrameWriter.frame(true, 0, opCode, ByteBuffer.wrap(payload));
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
    }

    private static final class RecordingTransport implements Transport {
        final List<byte[]> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean closeAfterFlush;
        boolean aborted;

        @Override
        public void writeData(byte[] frame, long timeoutMillis) {
            sent.add(frame);
        }

        @Override
        public boolean writeControl(byte[] frame) {
            sent.add(frame);
            return true;
        }

        @Override
        public void writeClose(byte[] frame) {
            sent.add(frame);
        }

        @Override
        public void closeAfterFlush() {
            closeAfterFlush = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }

        @Override
        public void demand() {
        }
    }

    private static final class RecordingHandler implements FrameHandler {
        final List<String> events = new ArrayList<>();

        @Override
        public void onOpen(WebSocketSession session) {
            events.add("open");
        }

        @Override
        public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            events.add(type + " " + StandardCharsets.UTF_8.decode(part) + " " + last);
        }

        @Override
        public void onClose(CloseStatus status) {
            events.add("close " + status.code() + " " + status.reason());
        }

        @Override
        public void onError(Throwable cause) {
            events.add("error " + cause.getMessage());
        }
    }
}
