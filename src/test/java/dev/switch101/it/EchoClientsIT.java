package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;

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

    /** Collects whole messages from the JDK client, which hands them on in parts, and the server's close code. */
    private static final class JdkListener implements WebSocket.Listener {
        final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    @Test
    void jdkClientGetsTextAndBinaryEchoedWithTheNegotiatedSubprotocolAndCleanCloses() throws Exception {
        JdkListener listener = new JdkListener();
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

        JdkListener second = new JdkListener();
        WebSocket other = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(echo(), second).get(10, TimeUnit.SECONDS);
        assertEquals("", other.getSubprotocol(), "none offered, none chosen");
        other.sendClose(4000, "application code").get(5, TimeUnit.SECONDS);
        assertEquals(4000, second.closed.get(10, TimeUnit.SECONDS), "the server's answer to our 4000");
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
