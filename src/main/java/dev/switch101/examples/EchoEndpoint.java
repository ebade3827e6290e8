package dev.switch101.examples;

import java.nio.ByteBuffer;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Echo as an annotated endpoint: text comes back as text, binary as binary, whole messages up
 * to 32 MiB. The limit is set where a reader looks for it, on the {@code @OnMessage} methods;
 * a larger message is refused with close code 1009 (RFC 6455 §7.4.1). The client's first
 * subprotocol that is in {@code subprotocols} is chosen (the default Configurator).
 *
 * <p>Each message is held whole, in memory, until it is echoed (a text one as a {@code String},
 * up to twice its size in bytes): the price of this simple form. {@link EchoHandler} at
 * {@code /stream-echo} keeps the same contract on the engine's own interface without holding
 * a message.
 */
@ServerEndpoint(value = "/echo", subprotocols = {"echo.v2", "echo.v1"})
public class EchoEndpoint {

    /** The largest message echoed, 32 MiB: a compile-time constant, as annotation values must be. */
    public static final int MAX_MESSAGE = 32 << 20;

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public String echoText(String message) {
        return message;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public ByteBuffer echoBinary(ByteBuffer message) {
        return message;
    }
}
