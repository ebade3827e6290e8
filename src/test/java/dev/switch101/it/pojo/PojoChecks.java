package dev.switch101.it.pojo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The annotated endpoints of {@code endpoints} driven by the JDK WebSocket client: the same checks
 * on Tyrus' server with our model's {@code Endpoint} ({@link PojoOnTyrusTest}) and on our engine
 * in real containers ({@link PojoOnEngineIT}).
 */
abstract class PojoChecks {

    /** @return the ws:// URI the endpoints' paths ({@code /pojo/...}) are relative to, ending in '/' */
    protected abstract String wsBase();

    private JdkClient connect(String path) throws Exception {
        return JdkClient.connect(URI.create(wsBase() + path));
    }

    @Test // OnMessage Javadoc: a String return is sent as text, a ByteBuffer return as binary
    void textAndBinaryAreEchoedThroughReturnValues() throws Exception {
        JdkClient client = connect("pojo/echo");
        client.sendText("héllo");
        assertEquals("héllo", client.next());
        client.sendBinary(new byte[] {0, 1, 2, (byte) 255});
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, (byte[]) client.next());
        client.close(1000, "");
    }

    @Test // OnMessage Javadoc: PongMessage receives pongs
    void pongReachesThePongMessageMethod() throws Exception {
        JdkClient client = connect("pojo/echo");
        client.socket.sendPong(ByteBuffer.wrap("p1".getBytes(StandardCharsets.UTF_8))).get(20, TimeUnit.SECONDS);
        assertEquals("pong p1", client.next());
        client.close(1000, "");
    }

    @Test // OnMessage Javadoc: Reader and InputStream receive whole messages as streams; boxed returns are text
    void readerAndInputStreamReceiveWholeMessages() throws Exception {
        JdkClient client = connect("pojo/streams");
        client.sendText("x".repeat(1000));
        assertEquals("read 1000 chars", client.next());
        client.sendBinary(new byte[777]);
        assertEquals("777", client.next());
        client.close(1000, "");
    }

    @Test // §4.3 WSC-4.3-3/4/5: path segments reach @PathParam as String, int and Long; an unknown name is null
    void pathParametersAreConverted() throws Exception {
        JdkClient client = connect("pojo/rooms/blue/41");
        assertEquals("open blue 42", client.next());
        client.sendText("hi");
        assertEquals("hi 82 null", client.next());
        client.close(1000, "");
    }

    @Test // WSC-4.3-6: a segment that does not convert raises a DecodeException to @OnError
    void unconvertiblePathParameterGoesToOnError() throws Exception {
        JdkClient client = connect("pojo/rooms/blue/forty");
        assertEquals("error DecodeException", client.next());
        client.close(1000, "");
    }

    @Test // OnMessage Javadoc: String/byte[] and boolean receive the message in parts
    void partialMessagesArriveInParts() throws Exception {
        JdkClient client = connect("pojo/parts");
        client.socket.sendText("ab", false).get(20, TimeUnit.SECONDS);
        client.socket.sendText("cd", true).get(20, TimeUnit.SECONDS);
        assertEquals("ab/false", client.next());
        assertEquals("cd/true", client.next());
        client.socket.sendBinary(ByteBuffer.wrap(new byte[] {'x'}), false).get(20, TimeUnit.SECONDS);
        client.socket.sendBinary(ByteBuffer.wrap(new byte[] {'y'}), true).get(20, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {'x', '+'}, (byte[]) client.next());
        assertArrayEquals(new byte[] {'y', '!'}, (byte[]) client.next());
        client.close(1000, "");
    }

    @Test // §4.1.2/§4.1.3: a decoded parameter and an encoded return value
    void decodedObjectsInEncodedObjectsOut() throws Exception {
        JdkClient client = connect("pojo/points");
        client.sendText("3,-4");
        assertEquals("-4,3", client.next());
        client.close(1000, "");
    }

    @Test // §5.2.2: what @OnMessage throws reaches @OnError as it was thrown; a primitive return is text
    void exceptionFromOnMessageReachesOnError() throws Exception {
        JdkClient client = connect("pojo/errors");
        client.sendText("4");
        assertEquals("25", client.next());
        client.sendText("0");
        assertEquals("error java.io.IOException: zero", client.next());
        client.sendText("5");
        assertEquals("20", client.next()); // the connection stays open
        client.close(1000, "");
    }

    @Test // §4.5: @OnClose gets the peer's close code and reason
    void onCloseGetsThePeersReason() throws Exception {
        JdkClient client = connect("pojo/closing");
        client.close(4001, "bye now");
        client.closeFromServer();
        JdkClient log = connect("pojo/close-log");
        assertEquals("4001 bye now", log.next());
        log.close(1000, "");
    }

    @Test // §4.7.1 WSC-4.7.1-1: maxMessageSize reaches the session, which closes with 1009 beyond it
    void messageBeyondMaxMessageSizeClosesWith1009() throws Exception {
        JdkClient client = connect("pojo/limited");
        assertEquals("max 16", client.next()); // the text buffer size: the method takes text
        client.sendText("sixteen chars ok");
        assertEquals("sixteen chars ok", client.next());
        // in two frames: Tyrus checks the limit when it assembles a message, not for one that arrives in one frame
        client.socket.sendText("seventeen", false).get(20, TimeUnit.SECONDS);
        client.socket.sendText(" chars !", true).get(20, TimeUnit.SECONDS);
        String close = client.closeFromServer();
        assertTrue(close.startsWith("1009"), close);
    }
}
