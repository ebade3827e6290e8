package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
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
    private final WebSocketSession app = session.view();

    private CoreSession newSession(Limits limits) {
        CoreSession s = new CoreSession(handler, info(), limits, transport, Runnable::run);
        s.start();
        return s;
    }

    /** A started session on this test's transport with the default limits. */
    private CoreSession started(FrameHandler h, Executor executor) {
        CoreSession s = new CoreSession(h, info(), Limits.DEFAULT, transport, executor);
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

    // The peer sent a message and closed TCP without a close frame: the message was read in full,
    // but the abnormal close had already changed the state when its delivery ran, which dropped it.
    @Test
    void messageReadBeforeThePeerVanishedIsDeliveredBeforeTheClose() {
        QueuedExecutor executor = new QueuedExecutor();
        RecordingHandler fresh = new RecordingHandler();
        CoreSession s = started(fresh, executor);
        s.onBytes(clientFrame(true, OpCode.TEXT, "bye"));
        s.onEndOfInput();
        executor.runAll();
        assertEquals(List.of("open", "TEXT bye true", "close 1006 "), fresh.events);
    }

    // The same for messages read after the application started the close: they come before the
    // peer's close frame (RFC 6455 §7.1.2), and were dropped.
    @Test
    void messageReadAfterTheApplicationClosedIsDeliveredBeforeThePeersCloseFrame() {
        app.close(1000, "done");
        session.onBytes(clientFrame(true, OpCode.TEXT, "in flight"));
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        assertEquals(List.of("open", "TEXT in flight true", "close 1000 done"), handler.events);
    }

    // The opening and closing of a connection that only opens and closes (the handshake row of the
    // benchmark) took three thread handoffs in the default mode: onOpen, the answer to the peer's
    // close and onClose each went to the executor, though two run no application code.
    @Test
    void aHandlerWhoseOpenNeverWaitsIsOpenedOnTheStartingThread() {
        QueuedExecutor executor = new QueuedExecutor();
        RecordingHandler quiet = new RecordingHandler(true, false);
        started(quiet, executor);
        assertEquals(List.of("open"), quiet.events, "told before start returns");
        assertEquals(0, executor.size(), "nothing for the executor");

        RecordingHandler ordinary = new RecordingHandler();
        started(ordinary, executor);
        assertEquals(List.of(), ordinary.events, "an ordinary onOpen goes to the executor");
        executor.runAll();
        assertEquals(List.of("open"), ordinary.events);
    }

    @Test
    void thePeersCloseIsAnsweredOnTheReadingThreadWhenNothingIsQueued() {
        QueuedExecutor executor = new QueuedExecutor();
        RecordingHandler fresh = new RecordingHandler();
        CoreSession s = started(fresh, executor);
        executor.runAll();
        s.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "bye").toPayload()));
        assertArrayEquals(serverFrame(OpCode.CLOSE, new byte[] {0x03, (byte) 0xE8}), transport.sent.get(0),
                "answered before the executor ran");
        assertTrue(transport.closeAfterFlush);
        assertEquals(List.of("open"), fresh.events, "an ordinary onClose goes to the executor");
        executor.runAll();
        assertEquals(List.of("open", "close 1000 bye"), fresh.events);
    }

    @Test
    void aHandlerWhoseCloseNeverWaitsIsToldOnTheReadingThread() {
        QueuedExecutor executor = new QueuedExecutor();
        RecordingHandler quiet = new RecordingHandler(false, true);
        CoreSession s = started(quiet, executor);
        executor.runAll();
        s.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1001, "away").toPayload()));
        assertEquals(List.of("open", "close 1001 away"), quiet.events);
        assertEquals(0, executor.size());
        assertEquals(1001, sentCloseCode());
    }

    // The close travels behind the data: with a message still queued for the handler, neither the
    // answer nor onClose may overtake it, however quiet the handler's close.
    @Test
    void aCloseReadBehindAQueuedMessageWaitsForItsDelivery() {
        QueuedExecutor executor = new QueuedExecutor();
        RecordingHandler quiet = new RecordingHandler(true, true);
        CoreSession s = started(quiet, executor);
        ByteBuffer message = clientFrame(true, OpCode.TEXT, "last words");
        ByteBuffer close = clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload());
        s.onBytes(ByteBuffer.allocate(message.remaining() + close.remaining()).put(message).put(close).flip());
        assertEquals(List.of("open"), quiet.events);
        assertTrue(transport.sent.isEmpty(), "no close frame before the message is delivered");
        executor.runAll();
        assertEquals(List.of("open", "TEXT last words true", "close 1000 "), quiet.events);
        assertEquals(1000, sentCloseCode());
    }

    // onClose is the last callback: after a handler failure (1011) the reader goes on reading until
    // the peer stops, and a pong it read then was delivered after onClose.
    @Test
    void pongReadAfterTheHandlerWasToldOfTheCloseIsNotDelivered() {
        RecordingHandler failing = new RecordingHandler() {
            @Override
            public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
                throw new IllegalStateException("handler bug");
            }

            @Override
            public void onPong(ByteBuffer payload) {
                events.add("pong");
            }
        };
        CoreSession s = started(failing, Runnable::run);
        s.onBytes(clientFrame(true, OpCode.TEXT, "boom"));
        s.onBytes(clientFrame(true, OpCode.PONG, "late"));
        assertEquals(List.of("open", "error handler bug", "close 1011 Internal error"), failing.events);
    }

    // A send interrupted while it waited for room for its second frame left the first (FIN=0) on
    // the wire, and the connection open: the next message began with a new TEXT frame, which the
    // peer must fail (RFC 6455 §5.4).
    @Test
    void aMessageCutShortByAFailedWriteDropsTheConnection() {
        transport.failDataFrame = 2;
        ByteBuffer large = ByteBuffer.allocate(OutboundMessages.maxFramePayload(Limits.DEFAULT) + 1);
        assertThrows(IOException.class, () -> app.sendMessage(MessageType.BINARY, large));
        assertEquals(1, transport.sent.size(), "the first frame went out");
        assertTrue(transport.aborted, "the connection is dropped");
        assertThrows(IOException.class, () -> app.sendText("next"), "no message after half a message");
    }

    // The same failure before anything of the message was written leaves the connection usable.
    @Test
    void aMessageWhoseFirstWriteFailsLeavesTheConnectionOpen() throws IOException {
        transport.failDataFrame = 1;
        assertThrows(IOException.class, () -> app.sendText("lost"));
        assertFalse(transport.aborted);
        app.sendText("next");
        assertEquals(1, transport.sent.size());
    }

    // A handler in another JVM language (or with "sneaky throws") threw a checked exception: it
    // escaped the callback and the serial executor, which stayed "running" for ever, so no later
    // callback ran: no onClose, the session never finished.
    @Test
    void aCheckedExceptionFromTheHandlerFailsTheConnectionInsteadOfStallingIt() {
        RecordingHandler sneaky = new RecordingHandler() {
            @Override
            public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
                CoreSessionTest.<RuntimeException>sneakyThrow(new IOException("undeclared"));
            }
        };
        CoreSession s = started(sneaky, Runnable::run);
        s.onBytes(clientFrame(true, OpCode.TEXT, "boom"));
        assertEquals(List.of("open", "error undeclared", "close 1011 Internal error"), sneaky.events);
        assertEquals(1011, sentCloseCode());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
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

    /** A peer that sends a frame's header a byte at a time: every byte is traffic, so only the frame timeout ends it. */
    @Test
    void aFrameHeaderTrickledByteByByteFailsWith1008AfterTheFrameTimeout() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ofSeconds(2)));
        ByteBuffer frame = clientFrame(true, OpCode.TEXT, "hello");
        s.onBytes(ByteBuffer.wrap(new byte[] {frame.get()}));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        assertTrue(transport.sent.isEmpty(), "within the frame timeout");
        s.onBytes(ByteBuffer.wrap(new byte[] {frame.get()})); // another byte: still the same frame
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(3).toNanos());
        assertEquals(1008, sentCloseCode());
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(4).toNanos());
        assertTrue(transport.closeAfterFlush, "TCP closed at the next sweep, the peer being quiet");
    }

    /**
     * A peer still sending the message we refused must get our close code, not a reset: TCP
     * closes only when it has stopped sending (the JDK client saw a broken pipe instead of 1009
     * when a 32 MiB + 1 message was refused while it was still being written).
     */
    @Test
    void afterFailingTcpClosesOnlyOnceThePeerStopsSendingSoItsResetCannotEatOurCloseFrame() {
        CoreSession small = newSession(Limits.DEFAULT.withMaxMessageSize(1000, 1000));
        ByteBuffer tooBig = clientFrame(true, OpCode.BINARY, ByteBuffer.allocate(5000));
        small.onBytes(tooBig.slice(tooBig.position(), 100));
        assertEquals(1009, sentCloseCode());
        assertFalse(transport.closeAfterFlush, "the peer is still sending its message");
        small.onBytes(tooBig.slice(tooBig.position() + 100, 4000)); // read and dropped
        small.checkTimeouts(System.nanoTime());
        assertFalse(transport.closeAfterFlush, "it sent something just now");
        small.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        assertTrue(transport.closeAfterFlush, "quiet since: TCP closes");
    }

    @Test
    void afterFailingThePeersEndOfInputClosesTcpAtOnce() {
        CoreSession small = newSession(Limits.DEFAULT.withMaxMessageSize(1000, 1000));
        small.onBytes(clientFrame(true, OpCode.BINARY, ByteBuffer.allocate(5000)));
        assertFalse(transport.closeAfterFlush);
        small.onEndOfInput();
        assertTrue(transport.closeAfterFlush);
        assertFalse(transport.aborted);
    }

    @Test
    void aFramePayloadTrickledByteByByteFailsWith1008AfterTheFrameTimeout() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ofSeconds(2)));
        ByteBuffer frame = clientFrame(true, OpCode.BINARY, "0123456789");
        s.onBytes(frame.slice(0, 7)); // the header and one payload byte
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(3).toNanos());
        assertEquals(1008, sentCloseCode());
    }

    // A large frame whose reading paused because the handler was behind: the peer waited for us,
    // yet the frame timeout failed the connection with 1008 ("Frame not completed"), and the idle
    // timeout would have closed it with 1001.
    @Test
    void aFrameWhoseReadingWePausedIsNotTimedOutWhileWeArePaused() {
        QueuedExecutor executor = new QueuedExecutor(); // the handler is behind until runAll
        CoreSession s = new CoreSession(new RecordingHandler(), info(), Limits.DEFAULT
                .withFrameTimeout(Duration.ofSeconds(2)).withIdleTimeout(Duration.ofSeconds(2)), transport, executor);
        s.start();
        ByteBuffer frame = clientFrame(true, OpCode.BINARY, ByteBuffer.allocate(200 * 1024));
        boolean readOn = true;
        while (readOn) {
            ByteBuffer read = frame.slice(frame.position(), Math.min(16 * 1024, frame.remaining()));
            frame.position(frame.position() + read.remaining());
            readOn = s.onBytes(read);
        }
        assertTrue(frame.hasRemaining(), "paused in the middle of the frame");
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(10).toNanos());
        executor.runAll(); // the handler catches up: reading resumes, and both clocks restart
        assertTrue(transport.sent.isEmpty(), "no close while we were the ones not reading");
        assertEquals(1, transport.demands);

        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        executor.runAll();
        assertTrue(transport.sent.isEmpty());
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(3).toNanos());
        executor.runAll();
        assertEquals(1008, sentCloseCode(), "the peer stalls mid-frame now: its frame timeout runs again");
    }

    @Test
    void completeFramesNeverTripTheFrameTimeoutHoweverLongTheGapsBetweenThem() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ofSeconds(2)).withIdleTimeout(Duration.ZERO));
        s.onBytes(clientFrame(true, OpCode.TEXT, "one"));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(10).toNanos());
        assertTrue(transport.sent.isEmpty(), "nothing sent: " + transport.sent.size());
    }

    @Test
    void aFrameCompletedInALaterReadNoLongerCounts() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ofSeconds(2)).withIdleTimeout(Duration.ZERO));
        ByteBuffer frame = clientFrame(true, OpCode.TEXT, "split");
        s.onBytes(frame.slice(0, 3));
        s.onBytes(frame.slice(3, frame.remaining() - 3));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(10).toNanos());
        assertEquals("TEXT split true", handler.events.get(handler.events.size() - 1));
        assertTrue(transport.sent.isEmpty());
    }

    /**
     * A peer that sends a fragmented message a small frame now and then: each frame is complete
     * at once, so the frame timeout never fires, and each is traffic, so the idle timeout never
     * does; the message held its bytes, or a stream handler's thread, for as long as the peer liked.
     */
    @Test
    void aMessageTrickledAFrameAtATimeFailsWith1008AfterTheMessageTimeout() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ofSeconds(1))
                .withMessageTimeout(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        s.onBytes(clientFrame(false, OpCode.TEXT, "first"));
        s.checkTimeouts(start + Duration.ofSeconds(2).toNanos());
        s.onBytes(clientFrame(false, OpCode.CONTINUATION, "more")); // a later frame does not restart it
        s.checkTimeouts(start + Duration.ofMillis(2900).toNanos());
        assertTrue(transport.sent.isEmpty(), "within the message timeout");
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(4).toNanos());
        assertEquals(1008, sentCloseCode());
        assertTrue(new String(transport.sent.get(transport.sent.size() - 1), StandardCharsets.UTF_8)
                .contains("Message not completed"), "the reason names the message timeout");
    }

    @Test
    void eachMessageHasAClockOfItsOwnAndAFinishedOneStopsIt() {
        CoreSession s = newSession(Limits.DEFAULT.withMessageTimeout(Duration.ofSeconds(3)).withIdleTimeout(Duration.ZERO));
        s.onBytes(clientFrame(false, OpCode.BINARY, "a"));
        s.onBytes(clientFrame(true, OpCode.CONTINUATION, "b"));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(10).toNanos());
        assertTrue(transport.sent.isEmpty(), "a finished message is not timed");
        // The next message's first frame comes in the read that ends the one before.
        ByteBuffer both = ByteBuffer.allocate(64);
        both.put(clientFrame(false, OpCode.TEXT, "x")).put(clientFrame(true, OpCode.CONTINUATION, "y"))
                .put(clientFrame(false, OpCode.TEXT, "z")).flip();
        long read = System.nanoTime();
        s.onBytes(both);
        s.checkTimeouts(read + Duration.ofSeconds(2).toNanos());
        assertTrue(transport.sent.isEmpty(), "the third message began with that read");
        s.checkTimeouts(read + Duration.ofSeconds(4).toNanos());
        assertEquals(1008, sentCloseCode());
    }

    @Test
    void aZeroMessageTimeoutDisablesIt() {
        CoreSession s = newSession(Limits.DEFAULT.withMessageTimeout(Duration.ZERO).withIdleTimeout(Duration.ZERO));
        s.onBytes(clientFrame(false, OpCode.TEXT, "open"));
        s.checkTimeouts(System.nanoTime() + Duration.ofDays(1).toNanos());
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void aZeroFrameTimeoutDisablesIt() {
        CoreSession s = newSession(Limits.DEFAULT.withFrameTimeout(Duration.ZERO).withIdleTimeout(Duration.ZERO));
        s.onBytes(ByteBuffer.wrap(new byte[] {(byte) 0x81}));
        s.checkTimeouts(System.nanoTime() + Duration.ofDays(1).toNanos());
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void idleTimeoutSetOnTheSessionReplacesTheLimitsOne() {
        // Session.setMaxIdleTimeout (Jakarta WebSocket 2.1): per session, enforced by the engine.
        CoreSession s = newSession(Limits.DEFAULT); // 5 minutes
        s.view().setIdleTimeout(Duration.ofSeconds(1));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(2).toNanos());
        assertEquals(1001, sentCloseCode());

        CoreSession never = newSession(Limits.DEFAULT);
        int sent = transport.sent.size();
        never.view().setIdleTimeout(Duration.ZERO); // zero disables
        never.checkTimeouts(System.nanoTime() + Duration.ofHours(1).toNanos());
        assertEquals(sent, transport.sent.size());
        assertThrows(IllegalArgumentException.class, () -> never.view().setIdleTimeout(Duration.ofMillis(-1)));
    }

    @Test
    void sendAfterCloseFails() {
        session.close(1000, "");
        assertThrows(IOException.class, () -> app.sendText("too late"));
    }

    @Test
    void largeSendIsCutIntoFramesThatFitTheQueue() throws IOException {
        app.sendBinary(ByteBuffer.allocate(300_000));
        assertTrue(transport.sent.size() > 1, "frames: " + transport.sent.size());
        assertEquals(0x02, transport.sent.get(0)[0] & 0xFF); // BINARY, FIN=0
        assertEquals(0x80, transport.sent.get(transport.sent.size() - 1)[0] & 0xFF); // CONTINUATION, FIN=1
        assertTrue(transport.sent.stream().allMatch(f -> f.length <= Limits.DEFAULT.outboundQueueSize() / 2 + 14));
    }

    @Test
    void sendTimeoutCountsPerMessageNotPerFrame() throws IOException {
        // A peer reading a trickle must not stretch one send to (frames x timeout).
        app.sendBinary(ByteBuffer.allocate(600_000));
        assertTrue(transport.deadlines.size() > 2);
        assertEquals(1, transport.deadlines.stream().distinct().count(), "one deadline for all frames of a message");
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
                        app.sendText("t" + id + "-" + i);
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
        app.sendPart(MessageType.TEXT, ByteBuffer.wrap("first ".getBytes(StandardCharsets.UTF_8)), false);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> whole = other.submit(() -> {
                app.sendText("other");
                return null;
            });
            Thread.sleep(200); // give the other thread every chance to cut in
            assertFalse(whole.isDone(), "the whole message must wait for the message in parts");
            app.sendPart(MessageType.TEXT, ByteBuffer.wrap("last".getBytes(StandardCharsets.UTF_8)), true);
            whole.get(5, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        // TEXT (FIN=0), CONTINUATION (FIN=1), then the other message as one TEXT frame.
        assertEquals(List.of(0x01, 0x80, 0x81), transport.sent.stream().map(f -> f[0] & 0xFF).toList());
    }

    @Test
    void replyToAMessageFollowedByACloseGoesOutBeforeOurCloseFrame() {
        // The close travels behind the data: the handler's echo is queued before the close reply.
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        ByteBuffer input = concat(clientFrame(true, OpCode.TEXT, "last words"),
                clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        assertTrue(s.onBytes(input), "input after a close frame is read and dropped, never left unread");
        assertTrue(transport.sent.isEmpty(), "the close waits for the message before it");
        executor.runAll();
        assertEquals(List.of(0x81, 0x88), transport.sent.stream().map(f -> f[0] & 0xFF).toList());
        assertEquals(1000, sentCloseCode());
        assertTrue(transport.closeAfterFlush);
    }

    @Test
    void repliesToMessagesReadTogetherAreFlushedOnceAfterTheLastNotOncePerReply() {
        // Three messages in one read: the echo of each is written as its callback runs, the
        // flush waits for the end of the batch (one write to the socket instead of three).
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        s.onBytes(concat(concat(clientFrame(true, OpCode.TEXT, "one"), clientFrame(true, OpCode.TEXT, "two")),
                clientFrame(true, OpCode.TEXT, "three")));
        executor.runAll();
        assertEquals(3, transport.sent.size());
        // (The flushes with nothing written are onOpen's batch, and this test's other session.)
        assertEquals(List.of(3), transport.flushedAt.stream().filter(n -> n > 0).distinct().toList(),
                "flushed only after the third reply: " + transport.flushedAt);
    }

    @Test
    void inlineCallbacksRunOnTheReadingThreadAndTheRepliesOfOneReadAreFlushedOnceAfterIt() {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor, true);
        int flushesBefore = transport.flushedAt.size();
        int windowsBefore = transport.inlineBegun; // onOpen's
        s.onBytes(concat(concat(clientFrame(true, OpCode.TEXT, "one"), clientFrame(true, OpCode.TEXT, "two")),
                clientFrame(true, OpCode.TEXT, "three")));
        assertTrue(executor.tasks.isEmpty(), "nothing dispatched");
        assertEquals(List.of("one", "two", "three"), transport.sent.stream().map(CoreSessionTest::payloadText).toList());
        assertEquals(List.of(3), transport.flushedAt.subList(flushesBefore, transport.flushedAt.size()),
                "one flush, after the read");
        assertEquals(windowsBefore + 1, transport.inlineBegun);
        assertFalse(transport.inline, "the transport's inline window ends with the read");
    }

    @Test
    void inlineOnOpenRunsOnTheThreadThatStartsTheSessionAndItsGreetingIsFlushedOnce() {
        QueuedExecutor executor = new QueuedExecutor();
        Thread[] openedOn = new Thread[1];
        CoreSession s = new CoreSession(new RecordingHandler() {
            @Override
            public void onOpen(WebSocketSession session) {
                openedOn[0] = Thread.currentThread();
                try {
                    session.sendText("hello");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, info(), Limits.DEFAULT, transport, executor, List.of(), true);
        int flushesBefore = transport.flushedAt.size();
        s.start();
        assertTrue(executor.tasks.isEmpty(), "nothing dispatched");
        assertEquals(Thread.currentThread(), openedOn[0]);
        assertEquals(List.of("hello"), transport.sent.stream().map(CoreSessionTest::payloadText).toList());
        assertEquals(List.of(1), transport.flushedAt.subList(flushesBefore, transport.flushedAt.size()),
                "one flush, after onOpen");
        assertFalse(transport.inline, "the transport's inline window ends with onOpen");
    }

    @Test
    void aReadThatFindsTheOutboundQueueFullDispatchesItsCallbacksInsteadOfRunningThemInline() {
        // Sends wait on the executor's thread; inline they could not, and a peer that does not
        // read would grow the queue instead of slowing the handler down.
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor, true);
        transport.roomForInline = false;
        s.onBytes(clientFrame(true, OpCode.TEXT, "later"));
        assertTrue(transport.sent.isEmpty());
        executor.runAll();
        assertEquals(List.of("later"), transport.sent.stream().map(CoreSessionTest::payloadText).toList());
    }

    @Test
    void aMessageReadWhileACallbackIsQueuedWaitsBehindItInsteadOfRunningInline() {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor, true);
        int windowsBefore = transport.inlineBegun; // onOpen's
        transport.roomForInline = false;
        s.onBytes(clientFrame(true, OpCode.TEXT, "first"));
        transport.roomForInline = true;
        s.onBytes(clientFrame(true, OpCode.TEXT, "second"));
        assertTrue(transport.sent.isEmpty(), "the second message does not overtake the first");
        assertEquals(windowsBefore, transport.inlineBegun);
        executor.runAll();
        assertEquals(List.of("first", "second"), transport.sent.stream().map(CoreSessionTest::payloadText).toList());
    }

    @Test
    void inlineTheReplyToAMessageFollowedByACloseGoesOutBeforeOurCloseFrame() {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor, true);
        s.onBytes(concat(clientFrame(true, OpCode.TEXT, "last words"),
                clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload())));
        assertTrue(executor.tasks.isEmpty(), "the close is answered inline too");
        assertEquals(List.of(0x81, 0x88), transport.sent.stream().map(f -> f[0] & 0xFF).toList());
        assertEquals(1000, sentCloseCode());
        assertTrue(transport.closeAfterFlush);
    }

    /** The payload of an unmasked server frame with a short header, as text. */
    private static String payloadText(byte[] frame) {
        return new String(frame, 2, frame.length - 2, StandardCharsets.UTF_8);
    }

    @Test
    void aMessageSentFromOutsideTheCallbacksIsFlushedAtOnceThoughCallbacksAreQueued() throws Exception {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        executor.runAll(); // onOpen
        s.onBytes(clientFrame(true, OpCode.TEXT, "queued, not handled yet"));
        s.view().sendText("from another thread");
        assertEquals(1, transport.sent.size());
        assertEquals(1, transport.flushedAt.get(transport.flushedAt.size() - 1), "flushed right after it was written");
    }

    @Test
    void replyToAValidMessageGoesOutBeforeTheProtocolErrorsClose() {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        ByteBuffer reservedOpcode = clientFrame(true, OpCode.TEXT, "x");
        reservedOpcode.put(0, (byte) 0x83); // FIN + opcode 3 (reserved, RFC 6455 §5.2)
        assertTrue(s.onBytes(concat(clientFrame(true, OpCode.TEXT, "valid"), reservedOpcode)));
        assertTrue(transport.sent.isEmpty());
        executor.runAll();
        assertEquals(List.of(0x81, 0x88), transport.sent.stream().map(f -> f[0] & 0xFF).toList());
        assertEquals(1002, sentCloseCode());
    }

    @Test
    void slowHandlerGetsThePeersCloseAnsweredAfterTheCloseTimeout() {
        QueuedExecutor executor = new QueuedExecutor(); // never run: the handler is stuck
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        s.onBytes(concat(clientFrame(true, OpCode.TEXT, "stuck"),
                clientFrame(true, OpCode.CLOSE, new CloseStatus(1001, "").toPayload())));
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        assertTrue(transport.sent.isEmpty(), "within the close timeout the close still waits");
        s.checkTimeouts(System.nanoTime() + Duration.ofSeconds(6).toNanos());
        assertEquals(1001, sentCloseCode());
        assertTrue(transport.closeAfterFlush);
    }

    @Test
    void unflushedCloseIsAbortedOneCloseTimeoutLater() {
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        assertTrue(transport.closeAfterFlush);
        session.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        assertFalse(transport.aborted);
        session.checkTimeouts(System.nanoTime() + Duration.ofSeconds(6).toNanos());
        assertTrue(transport.aborted, "a peer that does not read our close reply still gets its TCP closed");
    }

    @Test
    void emptyMessagesAndPongsCountTowardsTheBacklog() {
        // A blocked handler: 10,000 empty messages must pause reading, not grow the heap.
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        boolean goOn = true;
        int fed = 0;
        while (goOn && fed < 10_000) {
            goOn = s.onBytes(clientFrame(true, fed % 2 == 0 ? OpCode.BINARY : OpCode.PONG, ByteBuffer.allocate(0)));
            fed++;
        }
        assertFalse(goOn, "reading never paused");
        long bound = (long) CoreSession.MAX_BACKLOG_READS * Limits.DEFAULT.readBufferSize() / InboundBacklog.TASK_COST;
        assertTrue(fed <= bound + 1, "paused after " + fed + " callbacks, bound " + bound);
    }

    @Test
    void readingResumesWhenTheHandlerHasCaughtUp() {
        QueuedExecutor executor = new QueuedExecutor();
        CoreSession s = newEchoSession(Limits.DEFAULT, executor);
        ByteBuffer big = clientFrame(true, OpCode.BINARY, ByteBuffer.allocate(100_000));
        assertFalse(s.onBytes(big), "a backlog of 100,000 bytes pauses reading");
        assertEquals(0, transport.demands);
        executor.runAll();
        assertEquals(1, transport.demands, "resumed exactly once");
    }

    @Test
    void applicationPongWithAnyPayloadIsDelivered() {
        // The engine sends no pings of its own, so no pong is swallowed as "ours".
        List<String> pongs = new ArrayList<>();
        CoreSession s = new CoreSession(new RecordingHandler() {
            @Override
            public void onPong(ByteBuffer payload) {
                pongs.add(StandardCharsets.UTF_8.decode(payload).toString());
            }
        }, info(), Limits.DEFAULT, transport, Runnable::run);
        s.start();
        s.onBytes(clientFrame(true, OpCode.PONG, "switch101"));
        assertEquals(List.of("switch101"), pongs);
    }

    @Test
    void closeWithACodeThatMayNotBeSentIsRejectedUpFront() {
        // RFC 6455 §7.4.1: 1005, 1006 and 1015 are never sent; 999 is no close code.
        for (int code : new int[] {1005, 1006, 1015, 999, 5000}) {
            assertThrows(IllegalArgumentException.class, () -> app.close(code, ""), "code " + code);
        }
        assertTrue(app.isOpen(), "a rejected close changes nothing");
        assertTrue(transport.sent.isEmpty());
    }

    @Test
    void sessionIsCountedUntilTheContainerDestroysTheConnection() {
        int[] finished = {0};
        session.onFinished(() -> finished[0]++);
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        session.onConnectionClosed();
        assertEquals(0, finished[0], "closed, but the container has not let go of it yet");
        session.onDestroyed();
        assertEquals(1, finished[0]);
        session.onDestroyed();
        assertEquals(1, finished[0], "finished once");
    }

    @Test
    void closedConnectionTheContainerNeverDestroysStopsBeingCountedAfterTheCloseTimeout() {
        int[] finished = {0};
        session.onFinished(() -> finished[0]++);
        session.onBytes(clientFrame(true, OpCode.CLOSE, new CloseStatus(1000, "").toPayload()));
        session.onConnectionClosed();
        session.checkTimeouts(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        assertEquals(0, finished[0]);
        session.checkTimeouts(System.nanoTime() + Duration.ofSeconds(6).toNanos());
        assertEquals(1, finished[0]);
    }

    @Test
    void theHandlerSeesNoEngineSideMethods() {
        assertFalse(CoreSession.class.isAssignableFrom(app.getClass()));
    }

    // --- helpers -------------------------------------------------------------------------

    private CoreSession newEchoSession(Limits limits, QueuedExecutor executor) {
        return newEchoSession(limits, executor, false);
    }

    private CoreSession newEchoSession(Limits limits, QueuedExecutor executor, boolean inline) {
        CoreSession s = new CoreSession(new RecordingHandler() {
            private WebSocketSession peer;

            @Override
            public void onOpen(WebSocketSession session) {
                peer = session;
            }

            @Override
            public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
                try {
                    peer.sendPart(type, part, last);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, info(), limits, transport, executor, List.of(), inline);
        s.start();
        executor.runAll();
        return s;
    }

    private static HandshakeInfo info() {
        return new HandshakeInfo("ws://localhost/echo", Map.of(), null, Map.of(), Map.of(),
                "", List.of(), null, null, false);
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        int size = 0;
        for (ByteBuffer p : parts) {
            size += p.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (ByteBuffer p : parts) {
            all.put(p.duplicate());
        }
        return all.flip();
    }

    /** An executor that runs nothing until told: the handler is "busy" meanwhile. */
    private static final class QueuedExecutor implements Executor {
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }

        int size() {
            return tasks.size();
        }
    }

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

        final List<Long> deadlines = java.util.Collections.synchronizedList(new ArrayList<>());

        /** How many data frames had been written at each flush. */
        final List<Integer> flushedAt = java.util.Collections.synchronizedList(new ArrayList<>());

        /** The data frame (counted from 1) whose write fails as an interrupted wait for room does; 0: none. */
        int failDataFrame;
        int dataFrames;

        @Override
        public void writeData(byte[] frame, long deadline) throws IOException {
            if (++dataFrames == failDataFrame) {
                throw new IOException("Interrupted while waiting to send", new InterruptedException());
            }
            deadlines.add(deadline);
            sent.add(frame);
        }

        @Override
        public void flush() {
            flushedAt.add(sent.size());
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

        int demands;
        boolean roomForInline = true;
        boolean inline;
        int inlineBegun;

        @Override
        public boolean beginInline() {
            assertFalse(inline, "inline windows do not nest");
            if (roomForInline) {
                inline = true;
                inlineBegun++;
            }
            return roomForInline;
        }

        @Override
        public void endInline() {
            assertTrue(inline);
            inline = false;
        }

        @Override
        public void demand() {
            demands++;
        }
    }

    private static class RecordingHandler implements FrameHandler {
        final List<String> events = new ArrayList<>();
        private final boolean opensWithoutWaiting;
        private final boolean closesWithoutWaiting;

        RecordingHandler() {
            this(false, false);
        }

        RecordingHandler(boolean opensWithoutWaiting, boolean closesWithoutWaiting) {
            this.opensWithoutWaiting = opensWithoutWaiting;
            this.closesWithoutWaiting = closesWithoutWaiting;
        }

        @Override
        public boolean opensWithoutWaiting() {
            return opensWithoutWaiting;
        }

        @Override
        public boolean closesWithoutWaiting() {
            return closesWithoutWaiting;
        }

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
