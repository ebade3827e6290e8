package dev.switch101.bench.endpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The benchmark's echo, on the standard Jakarta WebSocket API only, so that the very same class
 * runs on Switch101 and on the container's own implementation: whole messages in, the same
 * message back through {@code getBasicRemote()}, text as text and binary as binary.
 * Messages up to 2 MiB (the largest row sends 1 MiB; containers default to far less).
 */
@ServerEndpoint("/bench-echo")
public class BenchEchoEndpoint {

    /** Larger than any message the load generator sends. */
    static final int MAX_MESSAGE = 2 << 20;

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public void text(String message, Session session) throws IOException {
        session.getBasicRemote().sendText(message);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public void binary(ByteBuffer message, Session session) throws IOException {
        session.getBasicRemote().sendBinary(message);
    }
}
