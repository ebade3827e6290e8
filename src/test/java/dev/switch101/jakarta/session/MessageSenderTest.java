package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.CoreSession;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.MessageType;
import dev.switch101.session.Transport;
import dev.switch101.session.WebSocketSession;

/**
 * {@code sendObject} and the Basic overlap rule, through the real engine session onto an
 * in-memory transport: the frames that go out, byte for byte (RFC 6455 §5.2, §5.4).
 */
class MessageSenderTest {

    record Point(int x, int y) {
    }

    public static final class PointText implements Encoder.Text<Point> {
        @Override
        public String encode(Point p) {
            return p.x() + "," + p.y();
        }
    }

    public static final class ObjectText implements Encoder.Text<Object> {
        @Override
        public String encode(Object o) {
            return "object";
        }
    }

    public static final class PointBinary implements Encoder.Binary<Point> {
        @Override
        public ByteBuffer encode(Point p) {
            return ByteBuffer.wrap(new byte[] {(byte) p.x(), (byte) p.y()});
        }
    }

    public static final class PointTextStream implements Encoder.TextStream<Point> {
        @Override
        public void encode(Point p, Writer writer) throws IOException {
            writer.write("x=" + p.x());
            writer.flush(); // a part of its own
            writer.write(";y=" + p.y());
        }
    }

    public static final class PointBinaryStream implements Encoder.BinaryStream<Point> {
        @Override
        public void encode(Point p, OutputStream out) throws IOException {
            out.write(p.x());
            out.flush();
            out.write(p.y());
        }
    }

    public static final class Failing implements Encoder.Text<Point> {
        @Override
        public String encode(Point p) throws EncodeException {
            throw new EncodeException(p, "cannot");
        }
    }

    /** A frame as the peer would see it. */
    record Frame(boolean fin, int opCode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final List<Frame> frames = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> controlFrames = new ArrayList<>();
    private WebSocketSession engine;

    private MessageSender sender(List<Class<? extends Encoder>> encoders) {
        Transport transport = new Transport() {
            @Override
            public void writeData(byte[] frame, long deadline) {
                int length = frame[1] & 0x7F;
                int offset = 2;
                if (length == 126) {
                    length = ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
                    offset = 4;
                }
                byte[] payload = new byte[length];
                System.arraycopy(frame, offset, payload, 0, length);
                frames.add(new Frame((frame[0] & 0x80) != 0, frame[0] & 0x0F, payload));
            }

            @Override
            public void flush() {
                // frames are recorded as written
            }

            @Override
            public boolean writeControl(byte[] frame) {
                controlFrames.add(frame);
                return true;
            }

            @Override
            public void writeClose(byte[] frame) {
            }

            @Override
            public void closeAfterFlush() {
            }

            @Override
            public void abort() {
            }

            @Override
            public void demand() {
            }
        };
        WebSocketSession[] view = new WebSocketSession[1];
        FrameHandler handler = new FrameHandler() {
            @Override
            public void onOpen(WebSocketSession session) {
                view[0] = session;
            }

            @Override
            public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            }

            @Override
            public void onClose(CloseStatus status) {
            }
        };
        HandshakeInfo info = new HandshakeInfo("ws://localhost/x", Map.of(), null, Map.of(), Map.of(), "",
                List.of(), null, null, false);
        new CoreSession(handler, info, Limits.DEFAULT, transport, Runnable::run).start();
        engine = view[0];
        return new MessageSender(view[0],
                SessionEncoders.create(new TestConfig(List.of(), encoders, new HashMap<>())));
    }

    @Test
    void textAndBinaryEncodersSendOneWholeMessage() throws Exception {
        sender(List.of(PointText.class)).sendObject(new Point(1, 2), true);
        sender(List.of(PointBinary.class)).sendObject(new Point(3, 4), true);
        assertEquals(2, frames.size());
        assertTrue(frames.get(0).fin());
        assertEquals(0x1, frames.get(0).opCode());
        assertEquals("1,2", frames.get(0).text());
        assertTrue(frames.get(1).fin());
        assertEquals(0x2, frames.get(1).opCode());
        assertEquals(List.of((byte) 3, (byte) 4), List.of(frames.get(1).payload()[0], frames.get(1).payload()[1]));
    }

    @Test
    void streamEncodersSendAMessageInPartsEndedWhenTheyReturn() throws Exception {
        sender(List.of(PointTextStream.class)).sendObject(new Point(5, 6), true);
        // text, continuation+FIN
        assertEquals(List.of(0x1, 0x0), frames.stream().map(Frame::opCode).toList());
        assertEquals(List.of(false, true), frames.stream().map(Frame::fin).toList());
        assertEquals("x=5;y=6", frames.get(0).text() + frames.get(1).text());

        frames.clear();
        sender(List.of(PointBinaryStream.class)).sendObject(new Point(7, 8), true);
        assertEquals(List.of(0x2, 0x0), frames.stream().map(Frame::opCode).toList());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(f -> all.writeBytes(f.payload()));
        assertEquals(List.of((byte) 7, (byte) 8), List.of(all.toByteArray()[0], all.toByteArray()[1]));
    }

    @Test
    void firstEncoderInConfigurationOrderThatTakesTheValueEncodes() throws Exception {
        sender(List.of(ObjectText.class, PointText.class)).sendObject(new Point(1, 2), true);
        assertEquals("object", frames.get(0).text());
    }

    @Test
    void builtInsSendStringsAndPrimitiveBoxesAsTextAndBytesAsBinary() throws Exception {
        MessageSender sender = sender(List.of());
        sender.sendObject(42, true);
        sender.sendObject('c', true);
        sender.sendObject(new byte[] {9}, true);
        assertEquals("42", frames.get(0).text());
        assertEquals("c", frames.get(1).text());
        assertEquals(0x2, frames.get(2).opCode());
    }

    @Test
    void valueNoEncoderTakesAndAFailingEncoderAreEncodeExceptionsToTheCaller() {
        assertThrows(EncodeException.class, () -> sender(List.of()).sendObject(new Point(1, 2), true));
        assertThrows(EncodeException.class, () -> sender(List.of(Failing.class)).sendObject(new Point(1, 2), true));
        assertEquals(List.of(), frames);
    }

    @Test
    void basicMessageWhileABasicMessageInPartsIsUnfinishedIsAnIllegalStateException() throws Exception {
        MessageSender sender = sender(List.of());
        sender.sendBasicPart(MessageType.TEXT, ByteBuffer.wrap("a".getBytes(StandardCharsets.UTF_8)), false);
        assertThrows(IllegalStateException.class,
                () -> sender.sendWhole(MessageType.TEXT, ByteBuffer.allocate(0), true));
        assertThrows(IllegalStateException.class,
                () -> sender.sendBasicPart(MessageType.BINARY, ByteBuffer.allocate(0), true));
        assertThrows(IllegalStateException.class, sender::openWriter);
        sender.sendBasicPart(MessageType.TEXT, ByteBuffer.wrap("b".getBytes(StandardCharsets.UTF_8)), true);
        sender.sendWhole(MessageType.TEXT, ByteBuffer.wrap("c".getBytes(StandardCharsets.UTF_8)), true);
        assertEquals(List.of("a", "b", "c"), frames.stream().map(Frame::text).toList());
    }

    // A surrogate pair split between two sendText(part, false) calls went out as "?" and "?":
    // each part was encoded to UTF-8 on its own.
    @Test
    void surrogatePairSplitBetweenTwoTextPartsIsSentAsOneCharacter() throws Exception {
        MessageSender sender = sender(List.of());
        BasicRemote remote = new BasicRemote(engine, sender);
        String grin = "\uD83D\uDE00";
        remote.sendText("a" + grin.charAt(0), false);
        remote.sendText(grin.charAt(1) + "b", true);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(f -> all.writeBytes(f.payload()));
        assertEquals("a" + grin + "b", all.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(false, true), frames.stream().map(Frame::fin).toList());
        remote.sendText("next", true);
        assertEquals("next", frames.get(2).text(), "nothing held over to the next message");
    }

    // An asynchronous sendObject with a stream encoder, while a Basic message in parts was
    // unfinished, went out as continuation frames of the Basic message and its last part ended it.
    @Test
    void asyncStreamEncodedMessageWaitsForTheBasicMessageInParts() throws Exception {
        MessageSender sender = sender(List.of(PointTextStream.class));
        BasicRemote remote = new BasicRemote(engine, sender);
        remote.sendText("a", false);
        Thread async = new Thread(() -> {
            try {
                sender.sendObject(new Point(5, 6), false);
            } catch (IOException | EncodeException e) {
                throw new AssertionError(e);
            }
        });
        async.start();
        long giveUp = System.nanoTime() + 10_000_000_000L;
        // Until it waits for its turn (or, wrongly, has sent its frames).
        while (async.getState() != Thread.State.TIMED_WAITING && frames.size() == 1 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        remote.sendText("b", true);
        async.join(10_000);
        assertEquals(List.of(0x1, 0x0, 0x1, 0x0), frames.stream().map(Frame::opCode).toList());
        assertEquals(List.of(false, true, false, true), frames.stream().map(Frame::fin).toList());
        assertEquals(List.of("a", "b", "x=5", ";y=6"), frames.stream().map(Frame::text).toList());
    }

    @Test
    void pingAndPongOver125BytesAreIllegalArgumentsAndNothingIsSent() throws Exception {
        // RFC 6455 §5.5: control frame payloads are 125 bytes at most.
        MessageSender sender = sender(List.of());
        BasicRemote remote = new BasicRemote(engine, sender);
        remote.sendPing(ByteBuffer.allocate(125));
        remote.sendPong(ByteBuffer.allocate(125));
        assertThrows(IllegalArgumentException.class, () -> remote.sendPing(ByteBuffer.allocate(126)));
        assertThrows(IllegalArgumentException.class, () -> remote.sendPong(ByteBuffer.allocate(126)));
        assertEquals(2, controlFrames.size());
        assertEquals(0x89, controlFrames.get(0)[0] & 0xFF);
        assertEquals(0x8A, controlFrames.get(1)[0] & 0xFF);
    }
}
