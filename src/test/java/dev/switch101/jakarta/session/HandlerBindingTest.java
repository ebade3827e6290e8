package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** The one binding of a handler that takes a single kind. */
    private static HandlerBinding one(Class<?> type, MessageHandler.Whole<?> handler, SessionDecoders decoders) {
        List<HandlerBinding> bindings = HandlerBinding.whole(type, handler, decoders);
        assertEquals(1, bindings.size(), bindings::toString);
        return bindings.get(0);
    }

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
        assertEquals(MessageKind.TEXT, one(String.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, one(Reader.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, one(int.class, m -> { }, none).kind());
        assertEquals(MessageKind.TEXT, one(Double.class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, one(ByteBuffer.class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, one(byte[].class, m -> { }, none).kind());
        assertEquals(MessageKind.BINARY, one(InputStream.class, m -> { }, none).kind());
        assertEquals(MessageKind.PONG, one(PongMessage.class, m -> { }, none).kind());
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
        HandlerBinding binding = one(Point.class, received::add, decoders);
        assertEquals(MessageKind.TEXT, binding.kind());
        deliver(binding, "3,4");
        deliver(binding, "not a point"); // PointDecoder.willDecode says no: OriginDecoder takes it
        assertEquals(List.of(new Point(3, 4), new Point(0, 0)), received);
    }

    @Test
    void messageNoDecoderWillDecodeIsADecodeException() {
        SessionDecoders decoders = SessionDecoders.create(TestConfig.decoders(List.of(PointDecoder.class)));
        HandlerBinding binding = one(Point.class, m -> { }, decoders);
        assertThrows(DecodeException.class, () -> deliver(binding, "nope"));
    }

    @Test
    void builtInPrimitiveDecodingFailsWithADecodeException() throws Exception {
        SessionDecoders none = SessionDecoders.create(TestConfig.decoders(List.of()));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = one(Integer.class, received::add, none);
        deliver(binding, "1234");
        assertEquals(List.of(1234), received);
        assertThrows(DecodeException.class, () -> deliver(binding, "12x"));
    }

    // A type with decoders of both kinds takes text and binary messages (as on Tomcat): only the
    // first decoder's kind was bound, and messages of the other kind were dropped.
    @Test
    void decodersOfBothKindsBindTheHandlerToTextAndToBinary() throws Exception {
        SessionDecoders decoders = SessionDecoders.create(
                TestConfig.decoders(List.of(BinaryPointDecoder.class, PointDecoder.class)));
        List<Object> received = new ArrayList<>();
        MessageHandler.Whole<Point> handler = received::add;
        List<HandlerBinding> bindings = HandlerBinding.whole(Point.class, handler, decoders);
        assertEquals(List.of(MessageKind.TEXT, MessageKind.BINARY), bindings.stream().map(HandlerBinding::kind).toList());
        MessageSink binary = bindings.get(1).sinks().apply(CONTEXT);
        binary.onPart(ByteBuffer.wrap(new byte[] {7}), false);
        binary.onPart(ByteBuffer.wrap(new byte[] {8}), true);
        deliver(bindings.get(0), "3,4");
        assertEquals(List.of(new Point(7, 8), new Point(3, 4)), received);

        MessageHandlers handlers = new MessageHandlers();
        handlers.add(bindings);
        assertEquals(Set.of(handler), handlers.handlers());
        assertThrows(IllegalStateException.class, () -> handlers.add(List.of(one(String.class, m -> { }, decoders))),
                "the text kind is taken");
        handlers.remove(handler);
        assertTrue(handlers.forKind(MessageKind.TEXT).isEmpty() && handlers.forKind(MessageKind.BINARY).isEmpty());
    }

    @Test
    void textStreamDecoderReadsTheMessageAcrossParts() throws Exception {
        SessionDecoders decoders = SessionDecoders.create(TestConfig.decoders(List.of(LengthDecoder.class)));
        List<Object> received = new ArrayList<>();
        HandlerBinding binding = one(Integer.class, received::add, decoders);
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
                () -> handlers.add(List.of(HandlerBinding.partial(String.class, (m, last) -> { }))));
        assertEquals(3, handlers.handlers().size());
        handlers.remove(text);
        handlers.add(List.of(HandlerBinding.partial(String.class, (m, last) -> { })));
        assertEquals(3, handlers.handlers().size());
    }
}
