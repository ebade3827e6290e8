package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.WholeMessageListener;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * Real Java clients against the echo endpoint: the JDK's {@code java.net.http.WebSocket} and
 * Tyrus. Each, like the other clients ({@link OtherClientsIT}, {@link BrowserIT}): the
 * subprotocol it offers is negotiated, a text, a small binary and a 1 MiB binary message come
 * back unchanged and of the same type, a close with 1000 is answered with 1000 and one with the
 * application code 4000 with 4000 (RFC 6455 §5.5.1).
 */
@ExtendWith(ArquillianExtension.class)
class EchoClientsIT extends DeployedTarget {

    private static final int MIB = 1 << 20;
    private static final String TEXT = "héllo, wörld ✓";
    private static final byte[] SMALL = {0, 1, 2, (byte) 255};

    private URI echo() {
        return URI.create(ClientProcess.echoUrl(base()));
    }

    private static byte[] oneMiB() {
        byte[] bytes = new byte[MIB];
        new Random(MIB).nextBytes(bytes);
        return bytes;
    }

    @Test
    void jdkClientGetsTextAndBinaryEchoedWithTheNegotiatedSubprotocolAndCleanCloses() throws Exception {
        WholeMessageListener listener = new WholeMessageListener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("foo", "echo.v1")
                .buildAsync(echo(), listener).get(10, TimeUnit.SECONDS);

        assertEquals("echo.v1", ws.getSubprotocol());
        byte[] large = oneMiB();
        ws.sendText(TEXT, true).get(5, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(SMALL), true).get(5, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(large), true).get(30, TimeUnit.SECONDS);
        assertEquals(TEXT, listener.received.poll(10, TimeUnit.SECONDS));
        assertArrayEquals(SMALL, (byte[]) listener.received.poll(10, TimeUnit.SECONDS));
        assertArrayEquals(large, (byte[]) listener.received.poll(30, TimeUnit.SECONDS), "the 1 MiB echo");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(1000, listener.closed.get(10, TimeUnit.SECONDS), "the server's answer to our 1000");

        WholeMessageListener second = new WholeMessageListener();
        WebSocket other = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(echo(), second).get(10, TimeUnit.SECONDS);
        assertEquals("", other.getSubprotocol(), "none offered, none chosen");
        other.sendClose(4000, "application code").get(5, TimeUnit.SECONDS);
        assertEquals(4000, second.closed.get(10, TimeUnit.SECONDS), "the server's answer to our 4000");
    }

    /**
     * The limit set on the annotated endpoint ({@code @OnMessage(maxMessageSize = 32 MiB)}) is the
     * one that counts: a binary message of exactly 32 MiB comes back whole, one byte more is
     * refused with 1009 (RFC 6455 §7.4.1; Jakarta WebSocket 2.1 §4.7). Content from seed 32.
     */
    @Test
    void jdkClientGetsAMessageOfExactlyTheEndpointsLimitEchoedAndOneByteMoreRefusedWith1009() throws Exception {
        byte[] atLimit = new byte[32 * MIB];
        new Random(32).nextBytes(atLimit);
        WholeMessageListener listener = new WholeMessageListener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(echo(), listener).get(10, TimeUnit.SECONDS);
        ws.sendBinary(ByteBuffer.wrap(atLimit), true).get(60, TimeUnit.SECONDS);
        Object echoed = listener.received.poll(60, TimeUnit.SECONDS);
        assertNotNull(echoed, "the 32 MiB echo within 60 s");
        assertTrue(Arrays.equals(atLimit, (byte[]) echoed), "the 32 MiB echo: " + ((byte[]) echoed).length + " bytes, differs");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(1000, listener.closed.get(10, TimeUnit.SECONDS));

        WholeMessageListener over = new WholeMessageListener();
        WebSocket tooBig = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(echo(), over).get(10, TimeUnit.SECONDS);
        // Not awaited: the server may fail the connection before the whole message is written.
        tooBig.sendBinary(ByteBuffer.wrap(Arrays.copyOf(atLimit, atLimit.length + 1)), true);
        assertEquals(1009, over.closed.get(60, TimeUnit.SECONDS), "the server's close for 32 MiB + 1");
    }

    @Test
    void tyrusClientGetsTextAndBinaryEchoedWithTheNegotiatedSubprotocolAndCleanCloses() throws Exception {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, 2 * MIB);
        try {
            LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
            CompletableFuture<CloseReason> closed = new CompletableFuture<>();
            Session session = client.connectToServer(recorder(received, closed),
                    ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("foo", "echo.v1")).build(), echo());
            assertEquals("echo.v1", session.getNegotiatedSubprotocol());
            byte[] large = oneMiB();
            session.getBasicRemote().sendText(TEXT);
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(SMALL));
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(large));
            assertEquals(TEXT, received.poll(10, TimeUnit.SECONDS));
            assertArrayEquals(SMALL, (byte[]) received.poll(10, TimeUnit.SECONDS));
            assertArrayEquals(large, (byte[]) received.poll(30, TimeUnit.SECONDS), "the 1 MiB echo");
            session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
            assertEquals(1000, closed.get(10, TimeUnit.SECONDS).getCloseCode().getCode(), "the server's answer to our 1000");

            CompletableFuture<CloseReason> secondClosed = new CompletableFuture<>();
            Session second = client.connectToServer(recorder(new LinkedBlockingQueue<>(), secondClosed),
                    ClientEndpointConfig.Builder.create().build(), echo());
            second.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4000), "application code"));
            CloseReason answer = secondClosed.get(10, TimeUnit.SECONDS);
            assertNotNull(answer);
            assertEquals(4000, answer.getCloseCode().getCode(), "the server's answer to our 4000");
        } finally {
            client.shutdown();
        }
    }

    private static Endpoint recorder(LinkedBlockingQueue<Object> received, CompletableFuture<CloseReason> closed) {
        return new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxBinaryMessageBufferSize(2 * MIB);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
                s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) received::add);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }
        };
    }
}
