package dev.switch101.jakarta.pojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The per-connection Endpoint: which handlers it registers, which arguments each annotated method
 * gets (parameters in any order), what it sends back and where errors go. Uses a recording session;
 * the same behaviour with a real session is pinned by {@code dev.switch101.it.pojo.PojoOnTyrusTest}.
 */
class PojoEndpointTest {

    public static class Point {
        final String text;

        Point(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return "Point(" + text + ")";
        }
    }

    public static class PointDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) {
            return new Point(s);
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class PointEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) throws EncodeException {
            return point.text;
        }
    }

    @ServerEndpoint(value = "/rooms/{room}/{floor}/{open}/{wing}")
    public static class Recorder {
        final List<String> calls = new ArrayList<>();
        Throwable error;
        CloseReason closeReason;

        @OnOpen
        public void open(@PathParam("floor") int floor, EndpointConfig config, Session session,
                @PathParam("room") String room, @PathParam("open") Boolean open, @PathParam("wing") char wing,
                @PathParam("missing") Integer missing) {
            calls.add("open " + room + " " + floor + " " + open + " " + wing + " " + missing + " "
                    + (config instanceof ServerEndpointConfig) + " " + session.getId());
        }

        @OnMessage(maxMessageSize = 1234)
        public String text(@PathParam("floor") Integer floor, String text, Session session) {
            calls.add("text " + text + " " + floor);
            if (text.equals("fail")) {
                throw new IllegalStateException("app failure");
            }
            return text.equals("null") ? null : text.toUpperCase();
        }

        @OnMessage
        public ByteBuffer binary(boolean last, byte[] part) {
            calls.add("part " + new String(part, StandardCharsets.UTF_8) + " " + last);
            return ByteBuffer.wrap(part);
        }

        @OnMessage
        public void pong(PongMessage pong) {
            calls.add("pong");
        }

        @OnClose
        public void close(CloseReason reason, @PathParam("room") String room) {
            closeReason = reason;
            calls.add("close " + room);
        }

        @OnError
        public void error(Session session, Throwable error) {
            this.error = error;
            calls.add("error " + error.getClass().getSimpleName());
        }
    }

    private static FakeSession openRecorder(Recorder recorder) throws Exception {
        FakeSession fake = new FakeSession();
        fake.pathParameters.put("room", "blue");
        fake.pathParameters.put("floor", "7");
        fake.pathParameters.put("open", "TRUE");
        fake.pathParameters.put("wing", "w");
        ServerEndpointConfig config = PojoEndpoints.configFor(Recorder.class);
        PojoEndpoints.endpointFor(config, recorder).onOpen(fake.session, config);
        return fake;
    }

    @Test // OnMessage Javadoc: one handler per method, for the parameter's class; §4.4: @OnOpen after the handlers
    void onOpenRegistersOneHandlerPerMethodThenCallsOnOpen() throws Exception {
        Recorder recorder = new Recorder();
        FakeSession fake = openRecorder(recorder);
        assertEquals(Set.of(String.class, byte[].class, PongMessage.class), fake.handlers.keySet());
        assertInstanceOf(MessageHandler.Whole.class, fake.handlers.get(String.class));
        assertInstanceOf(MessageHandler.Partial.class, fake.handlers.get(byte[].class));
        assertInstanceOf(MessageHandler.Whole.class, fake.handlers.get(PongMessage.class));
        assertEquals(List.of("open blue 7 true w null true fake-1"), recorder.calls);
    }

    @Test // §4.7.1: maxMessageSize becomes the session's buffer size for that message kind
    void maxMessageSizeSetsTheTextBufferSize() throws Exception {
        FakeSession fake = openRecorder(new Recorder());
        assertEquals(1234, fake.maxText);
        assertNull(fake.maxBinary);
    }

    @Test // WSC-4.7-3: the return value is sent back; null sends nothing
    void returnValuesAreSentBack() throws Exception {
        Recorder recorder = new Recorder();
        FakeSession fake = openRecorder(recorder);
        fake.whole(String.class, "hello");
        fake.whole(String.class, "null");
        fake.part(byte[].class, "ab".getBytes(StandardCharsets.UTF_8), false);
        fake.part(byte[].class, "cd".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(List.of("text:HELLO", "binary:ab", "binary:cd"), fake.sent);
        assertTrue(recorder.calls.containsAll(List.of("text hello 7", "part ab false", "part cd true")));
    }

    @Test // §5.2.2: the application's exception leaves the handler unchanged, for the session to route to onError
    void exceptionFromOnMessageIsRethrownUnwrapped() throws Exception {
        FakeSession fake = openRecorder(new Recorder());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> fake.whole(String.class, "fail"));
        assertEquals("app failure", thrown.getMessage());
    }

    @Test // §4.5: @OnClose gets the CloseReason
    void onCloseGetsTheReason() throws Exception {
        Recorder recorder = new Recorder();
        FakeSession fake = new FakeSession();
        fake.pathParameters.put("room", "red");
        ServerEndpointConfig config = PojoEndpoints.configFor(Recorder.class);
        Endpoint endpoint = PojoEndpoints.endpointFor(config, recorder);
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye");
        endpoint.onClose(fake.session, reason);
        assertSame(reason, recorder.closeReason);
        assertEquals(List.of("close red"), recorder.calls);
    }

    @Test // WSC-4.3-6: a path segment that does not convert raises a DecodeException to @OnError
    void unconvertiblePathParameterGoesToOnErrorAsDecodeException() throws Exception {
        Recorder recorder = new Recorder();
        FakeSession fake = new FakeSession();
        fake.pathParameters.put("room", "blue");
        fake.pathParameters.put("floor", "seventh");
        fake.pathParameters.put("open", "yes");
        fake.pathParameters.put("wing", "w");
        ServerEndpointConfig config = PojoEndpoints.configFor(Recorder.class);
        PojoEndpoints.endpointFor(config, recorder).onOpen(fake.session, config);
        DecodeException decode = assertInstanceOf(DecodeException.class, recorder.error);
        assertEquals("seventh", decode.getText());
        assertTrue(decode.getMessage().contains("'floor'"), decode.getMessage());
        // the message handler meets the same failure and throws it for the session to route
        assertThrows(DecodeException.class, () -> fake.whole(String.class, "hi"));
    }

    @ServerEndpoint("/failing")
    public static class FailingLifecycle {
        final List<Throwable> errors = new ArrayList<>();

        @OnOpen
        public void open() throws IOException {
            throw new IOException("open failed");
        }

        @OnClose
        public void close() {
            throw new IllegalArgumentException("close failed");
        }

        @OnError
        public void error(Throwable error) {
            errors.add(error);
        }
    }

    @Test // WSC-4.5-3 (and §5.2.2 for @OnOpen): what a lifecycle method throws goes to @OnError
    void exceptionsFromOnOpenAndOnCloseGoToOnError() throws Exception {
        FailingLifecycle pojo = new FailingLifecycle();
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(FailingLifecycle.class);
        Endpoint endpoint = PojoEndpoints.endpointFor(config, pojo);
        endpoint.onOpen(fake.session, config);
        endpoint.onClose(fake.session, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
        assertEquals(2, pojo.errors.size());
        assertEquals("open failed", assertInstanceOf(IOException.class, pojo.errors.get(0)).getMessage());
        assertEquals("close failed", assertInstanceOf(IllegalArgumentException.class, pojo.errors.get(1)).getMessage());
    }

    @ServerEndpoint("/checked")
    public static class ThrowsChecked {
        @OnMessage
        public void text(String text) throws IOException {
            throw new IOException("checked " + text);
        }
    }

    @Test // §5.2.2: a checked exception is rethrown as it is, not wrapped; without @OnError, onError logs it
    void checkedExceptionIsRethrownAsItIs() throws Exception {
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(ThrowsChecked.class);
        Endpoint endpoint = PojoEndpoints.endpointFor(config, new ThrowsChecked());
        endpoint.onOpen(fake.session, config);
        IOException thrown = assertThrows(IOException.class, () -> fake.whole(String.class, "x"));
        assertEquals("checked x", thrown.getMessage());
        endpoint.onError(fake.session, thrown); // WSC-5.2.2-3: logged, not thrown
    }

    @ServerEndpoint(value = "/kinds", decoders = PointDecoder.class, encoders = PointEncoder.class)
    public static class Kinds {
        @OnMessage
        public Point text(Point point) {
            return point;
        }

        @OnMessage(maxMessageSize = 99)
        public long binary(InputStream stream) throws IOException {
            return stream.readAllBytes().length;
        }
    }

    @ServerEndpoint("/primitive")
    public static class Primitive {
        @OnMessage
        public double half(int number) {
            return number / 2.0;
        }
    }

    @ServerEndpoint("/reader")
    public static class ReaderText {
        @OnMessage
        public byte[] read(Reader reader) throws IOException {
            char[] buffer = new char[16];
            int n = reader.read(buffer);
            return new String(buffer, 0, n).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test // decoded types register their own class; encoded return values go through sendObject
    void decodedTypeIsRegisteredAndEncodedReturnUsesSendObject() throws Exception {
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(Kinds.class);
        PojoEndpoints.endpointFor(config, new Kinds()).onOpen(fake.session, config);
        assertEquals(Set.of(Point.class, InputStream.class), fake.handlers.keySet());
        assertEquals(99, fake.maxBinary);
        assertNull(fake.maxText);
        fake.whole(Point.class, new Point("p"));
        fake.whole(InputStream.class, new java.io.ByteArrayInputStream(new byte[5]));
        assertEquals(List.of("object:Point(p)", "text:5"), fake.sent);
    }

    @Test // WSC-4.7-2/3: a primitive parameter registers its box; a primitive return is sent as its string form
    void primitiveParameterRegistersTheBoxAndReturnIsText() throws Exception {
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(Primitive.class);
        PojoEndpoints.endpointFor(config, new Primitive()).onOpen(fake.session, config);
        assertEquals(Set.of(Integer.class), fake.handlers.keySet());
        fake.whole(Integer.class, 5);
        assertEquals(List.of("text:2.5"), fake.sent);
    }

    @Test // Reader is a whole text message; a byte[] return is binary
    void readerParameterAndByteArrayReturn() throws Exception {
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(ReaderText.class);
        PojoEndpoints.endpointFor(config, new ReaderText()).onOpen(fake.session, config);
        fake.whole(Reader.class, new java.io.StringReader("stream"));
        assertEquals(List.of("binary:stream"), fake.sent);
    }

    @Test // WSC-5.2.2-3: without @OnError, the error is logged, once, with the endpoint class and session
    void errorWithoutOnErrorIsLoggedOnce() throws Exception {
        List<String> records = new ArrayList<>();
        System.Logger capture = new System.Logger() {
            @Override
            public String getName() {
                return "capture";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {
                records.add(level + " " + message + " " + thrown.getMessage());
            }

            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
                records.add(level + " " + format);
            }
        };
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(ThrowsChecked.class);
        EndpointModel model = EndpointModel.of(ThrowsChecked.class, config.getPath(), List.of(), List.of());
        new PojoEndpoint(model, new ThrowsChecked(), config, capture).onError(fake.session, new IOException("unhandled"));
        assertEquals(List.of("WARNING " + ThrowsChecked.class.getName() + " (session fake-1) has no @OnError method "
                + "for this error unhandled"), records);
    }

    /** What a CDI container may hand out: a subclass that overrides the callbacks without the annotations. */
    public static class ProxyOfPrimitive extends Primitive {
        @Override
        public double half(int number) {
            return super.half(number) + 1000;
        }
    }

    @Test // the callbacks are those of the configured class; calls on the instance still dispatch to its overrides
    void subclassInstanceIsServedAsTheConfiguredClass() throws Exception {
        FakeSession fake = new FakeSession();
        ServerEndpointConfig config = PojoEndpoints.configFor(Primitive.class);
        PojoEndpoints.endpointFor(config, new ProxyOfPrimitive()).onOpen(fake.session, config);
        fake.whole(Integer.class, 4);
        assertEquals(List.of("text:1002.0"), fake.sent);
    }

    @Test // an instance that already is an Endpoint is served as it is
    void endpointInstanceIsReturnedAsItIs() throws Exception {
        Endpoint programmatic = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }
        };
        assertSame(programmatic, PojoEndpoints.endpointFor(PojoEndpoints.configFor(Primitive.class), programmatic));
    }

    @Test // endpointFor checks what configFor checks, for configs built elsewhere
    void invalidClassIsRefusedByEndpointFor() {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(CallbackRulesTest.TwoText.class, "/x").build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PojoEndpoints.endpointFor(config, new CallbackRulesTest.TwoText()));
        assertTrue(refused.getMessage().contains("at most one per message kind"), refused.getMessage());
    }
}
