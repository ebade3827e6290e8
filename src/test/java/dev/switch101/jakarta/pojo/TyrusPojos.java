package dev.switch101.jakarta.pojo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Annotated test endpoints, and the {@link ServerApplicationConfig} that deploys each on Tyrus as
 * a programmatic endpoint whose instances are {@link PojoEndpoints#endpointFor} wrappers: Tyrus
 * supplies the real {@code Session}, our model does everything annotation-related.
 */
public final class TyrusPojos {

    private TyrusPojos() {
    }

    /** The annotated classes deployed by {@link App}. */
    static final List<Class<?>> ENDPOINTS = List.of(Echo.class, Rooms.class, Parts.class, Points.class,
            Errors.class, Closing.class, Limited.class, Streams.class);

    /** Deploys every class of {@link #ENDPOINTS} through {@link #programmatic}. */
    public static class App implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.copyOf(ENDPOINTS.stream().map(TyrusPojos::programmatic).toList());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(); // Tyrus' own annotated support stays out of the way
        }
    }

    /**
     * The endpoint class Tyrus is told about: Tyrus takes a config for programmatic only when its
     * class extends {@code Endpoint}; the instances are the {@code endpointFor} wrappers.
     */
    public abstract static class Adapter extends Endpoint {
    }

    /** The config our model builds for {@code pojo}, deployed with instances made by {@code endpointFor}. */
    static ServerEndpointConfig programmatic(Class<?> pojo) {
        ServerEndpointConfig model;
        try {
            model = PojoEndpoints.configFor(pojo);
        } catch (jakarta.websocket.DeploymentException invalid) {
            throw new IllegalStateException(invalid);
        }
        return ServerEndpointConfig.Builder.create(Adapter.class, model.getPath())
                .subprotocols(model.getSubprotocols())
                .decoders(model.getDecoders())
                .encoders(model.getEncoders())
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
                        try {
                            Object instance = model.getConfigurator().getEndpointInstance(pojo);
                            return (T) PojoEndpoints.endpointFor(model, instance);
                        } catch (RuntimeException failed) {
                            throw (InstantiationException) new InstantiationException(failed.toString()).initCause(failed);
                        }
                    }
                })
                .build();
    }

    @ServerEndpoint("/echo")
    public static class Echo {
        @OnMessage
        public String text(String text) {
            return text;
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer bytes) {
            return bytes;
        }

        @OnMessage
        public String pong(PongMessage pong) {
            return "pong " + StandardCharsets.UTF_8.decode(pong.getApplicationData());
        }
    }

    @ServerEndpoint("/rooms/{room}/{number}")
    public static class Rooms {
        @OnOpen
        public void open(@PathParam("number") int number, Session session, @PathParam("room") String room)
                throws IOException {
            session.getBasicRemote().sendText("open " + room + " " + (number + 1));
        }

        @OnMessage
        public String text(@PathParam("number") Long number, String text, @PathParam("absent") String absent) {
            return text + " " + (number * 2) + " " + absent;
        }

        @OnError
        public void error(Throwable error, Session session) throws IOException {
            session.getBasicRemote().sendText("error " + error.getClass().getSimpleName());
        }
    }

    @ServerEndpoint("/parts")
    public static class Parts {
        @OnMessage
        public String text(String part, boolean last) {
            return part + "/" + last;
        }

        @OnMessage
        public byte[] binary(boolean last, byte[] part) {
            byte[] answer = new byte[part.length + 1];
            System.arraycopy(part, 0, answer, 0, part.length);
            answer[part.length] = (byte) (last ? '!' : '+');
            return answer;
        }
    }

    /** A pair of ints, "x,y" on the wire. */
    public record Point(int x, int y) {
    }

    public static class PointDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) {
            String[] parts = s.split(",");
            return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }

        @Override
        public boolean willDecode(String s) {
            return s.matches("\\s*-?\\d+\\s*,\\s*-?\\d+\\s*");
        }
    }

    public static class PointEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) throws EncodeException {
            return point.x() + "," + point.y();
        }
    }

    @ServerEndpoint(value = "/points", decoders = PointDecoder.class, encoders = PointEncoder.class)
    public static class Points {
        @OnMessage
        public Point swap(Point point) {
            return new Point(point.y(), point.x());
        }
    }

    @ServerEndpoint("/errors")
    public static class Errors {
        @OnMessage
        public int divide(int divisor) throws IOException {
            if (divisor == 0) {
                throw new IOException("zero");
            }
            return 100 / divisor;
        }

        @OnError
        public void error(Session session, Throwable error) throws IOException {
            session.getBasicRemote().sendText("error " + error.getClass().getName() + ": " + error.getMessage());
        }
    }

    @ServerEndpoint("/closing")
    public static class Closing {
        static final BlockingQueue<String> REASONS = new LinkedBlockingQueue<>();

        @OnClose
        public void close(Session session, CloseReason reason) {
            REASONS.add(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        }
    }

    @ServerEndpoint("/streams")
    public static class Streams {
        @OnMessage
        public String text(Session session, java.io.Reader reader) throws IOException {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[64];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                text.append(buffer, 0, n);
            }
            return "read " + text.length() + " chars";
        }

        @OnMessage
        public Integer binary(java.io.InputStream stream) throws IOException {
            return stream.readAllBytes().length;
        }
    }

    @ServerEndpoint("/limited")
    public static class Limited {
        @OnOpen
        public void open(Session session) throws IOException {
            session.getBasicRemote().sendText("max " + session.getMaxTextMessageBufferSize() + " "
                    + session.getMaxBinaryMessageBufferSize());
        }

        @OnMessage(maxMessageSize = 16)
        public String text(String text) {
            return text;
        }
    }
}
