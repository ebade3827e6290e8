package dev.switch101.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A plain Jakarta WebSocket echo for the container's own implementation (Tomcat's WsSci,
 * Undertow's websockets), deployed without Switch101 to measure what the container itself keeps
 * per connection ({@link IdleMemoryBench}).
 */
@ServerEndpoint("/echo")
public class NativeEchoEndpoint {

    @OnMessage
    public void onText(String text, Session session) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    @OnMessage
    public void onBinary(ByteBuffer data, Session session) throws IOException {
        session.getBasicRemote().sendBinary(data);
    }
}
