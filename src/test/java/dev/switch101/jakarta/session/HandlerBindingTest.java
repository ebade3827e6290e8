package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

/**
 * Jakarta WebSocket 2.1 §2.1.3 and the Decoder Javadoc (message handlers, decoders): which
 * native kind a handler takes, how its messages reach it, which decoder decodes, and the
 * one-handler-per-kind rule.
 */
class HandlerBindingTest {

    record Point(int x, int y) {
    }

    /** Decodes "x,y"; will not decode anything else. Counts init/destroy. */
    public static final class PointDecoder implements Decoder.Text<Point> {
        static final AtomicInteger INITS = new AtomicInteger();
        static final AtomicInteger DESTROYS = new AtomicInteger();

        @Override
        public Point decode(String s) {
            String[] parts = s.split(",");
            return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override
        public boolean willDecode(String s) {
            return s.matches("-?\\d+,-?\\d+");
        }

        @Override
        public void init(EndpointConfig config) {
            INITS.incrementAndGet();
        }

        @Override
        public void destroy() {
            DESTROYS.incrementAndGet();
        }
    }

    /** Decodes anything as the origin. */
    public static final class OriginDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) {
            return new Point(0, 0);
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    /** Decodes a binary message of two bytes. */
    public static final class BinaryPointDecoder implements Decoder.Binary<Point> {
        @Override
        public Point decode(ByteBuffer bytes) {
            return new Point(bytes.get(), bytes.get());
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return bytes.remaining() == 2;
        }
    }

    /** Streams: counts the characters of the message. */
    public static final class LengthDecoder implements Decoder.TextStream<Integer> {
        @Override
        public Integer decode(Reader reader) throws java.io.IOException {
            int n = 0;
            while (reader.read() >= 0) {
                n++;
            }
            return n;
        }
    }

    private static final Executor THREADS = r -> new Thread(r, "stream-handler").start();

    private static final HandlerBinding.Context CONTEXT = new HandlerBinding.Context() {
        @Override
        public int maxTextMessageBufferSize() {
            return 1000;
        }

        @Override
        public int maxBinaryMessageBufferSize() {
            return 1000;
        }

        @Override
        public Executor streams() {
            return THREADS;
        }

        @Override
        public Duration abandonWait() {
            return Duration.ofSeconds(5);
        }
    };

    private static void deliver(HandlerBinding binding, String text) throws Exception {
        MessageSink sink = binding.sinks().apply(CONTEXT);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        sink.onPart(ByteBuffer.wrap(bytes, 0, half), false);
        sink.onPart(ByteBuffer.wrap(bytes, half, bytes.length - half), true);
    }

    @Test
    void nativeTypesTakeTheirKind() {
        SessionDecoders none = SessionDecoders.create(TestConfig.decoders(List.of()));
        assertEquals(MessageKind.TEXT, HandlerBinding.whole(String.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, HandlerBinding.whole(Reader.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, HandlerBinding.whole(int.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, HandlerBinding.whole(Double.class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, HandlerBinding.whole(ByteBuffer.class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, HandlerBinding.whole(byte[].class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, HandlerBinding.whole(InputStream.class, m -> { }, none).kind());
        assertEquals(MessageKind.PONG, HandlerBinding.whole(PongMessage.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, HandlerBinding.partial(String.class, (m, last) -> { }).kind());
        assertEquals(MessageKind.BINARY, HandlerBinding.partial(byte[].class, (m, last) -> { }).kind());
    }

    @Test
    void typeWithoutDecoderOrPartialOfOtherTypeIsRefused() {
        SessionDecoders none = SessionDecoders.create(TestConfig.decoders(List.of()));
        assertThrows(IllegalStateException.class, () -> HandlerBinding.whole(Point.class, m -> { }, none));
        assertThrows(IllegalStateException.class, () -> HandlerBinding.partial(Reader.class, (m, last) -> { }));
    }

    @Test
    void firstDecoderInConfigurationOrderThatWillDecodeDecodes() throws Exception {
        SessionDecoders decoders = SessionDecoders.create(
                TestConfig.decoders(List.of(PointDecoder.class, OriginDecoder.class)));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = HandlerBinding.whole(Point.class, received::add, decoders);
        assertEquals(MessageKind.TEXT, binding.kind());
        deliver(binding, "3,4");
        deliver(binding, "not a point"); // PointDecoder.willDecode says no: OriginDecoder takes it
        assertEquals(List.of(new Point(3, 4), new Point(0, 0)), received);
    }

    @Test
    void messageNoDecoderWillDecodeIsADecodeException() {
        SessionDecoders decoders = SessionDecoders.create(TestConfig.decoders(List.of(PointDecoder.class)));
        HandlerBinding binding = HandlerBinding.whole(Point.class, m -> { }, decoders);
        assertThrows(DecodeException.class, () -> deliver(binding, "nope"));
    }

    @Test
    void builtInPrimitiveDecodingFailsWithADecodeException() throws Exception {
        SessionDecoders none = SessionDecoders.create(TestConfig.decoders(List.of()));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = HandlerBinding.whole(Integer.class, received::add, none);
        deliver(binding, "1234");
        assertEquals(List.of(1234), received);
        assertThrows(DecodeException.class, () -> deliver(binding, "12x"));
    }

    @Test
    void binaryDecoderMakesABinaryHandler() throws Exception {
        SessionDecoders decoders = SessionDecoders.create(
                TestConfig.decoders(List.of(BinaryPointDecoder.class, PointDecoder.class)));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = HandlerBinding.whole(Point.class, received::add, decoders);
        assertEquals(MessageKind.BINARY, binding.kind());
        MessageSink sink = binding.sinks().apply(CONTEXT);
        sink.onPart(ByteBuffer.wrap(new byte[] {7}), false);
        sink.onPart(ByteBuffer.wrap(new byte[] {8}), true);
        assertEquals(List.of(new Point(7, 8)), received);
    }

    @Test
    void textStreamDecoderReadsTheMessageAcrossParts() throws Exception {
        SessionDecoders decoders = SessionDecoders.create(TestConfig.decoders(List.of(LengthDecoder.class)));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = HandlerBinding.whole(Integer.class, received::add, decoders);
        assertInstanceOf(StreamSink.class, binding.sinks().apply(CONTEXT));
        deliver(binding, "é€😀"); // 3 code points, 4 chars, 9 bytes: the split falls inside €
        assertEquals(List.of(4), received);
    }

    @Test
    void decodersAreInitialisedOnceAndDestroyedOncePerSession() {
        int inits = PointDecoder.INITS.get();
        int destroys = PointDecoder.DESTROYS.get();
        SessionDecoders decoders = SessionDecoders.create(TestConfig.decoders(List.of(PointDecoder.class)));
        HandlerBinding.whole(Point.class, m -> { }, decoders);
        assertEquals(inits + 1, PointDecoder.INITS.get());
        decoders.destroy();
        assertEquals(destroys + 1, PointDecoder.DESTROYS.get());
    }

    @Test
    void secondHandlerOfAKindIsAnIllegalStateExceptionAndRemovingFreesTheKind() {
        SessionDecoders none = SessionDecoders.create(TestConfig.decoders(List.of()));
        MessageHandlers handlers = new MessageHandlers();
        MessageHandler.Whole<String> text = m -> { };
        handlers.add(HandlerBinding.whole(String.class, text, none));
        handlers.add(HandlerBinding.whole(ByteBuffer.class, m -> { }, none));
        handlers.add(HandlerBinding.whole(PongMessage.class, m -> { }, none));
        // Reader and partial String are text too (§2.1.3: one handler per native message type).
        assertThrows(IllegalStateException.class, () -> handlers.add(HandlerBinding.whole(Reader.class, m -> { }, none)));
        assertThrows(IllegalStateException.class,
                () -> handlers.add(HandlerBinding.partial(String.class, (m, last) -> { })));
        assertEquals(3, handlers.handlers().size());
        handlers.remove(text);
        handlers.add(HandlerBinding.partial(String.class, (m, last) -> { }));
        assertEquals(3, handlers.handlers().size());
    }
}
