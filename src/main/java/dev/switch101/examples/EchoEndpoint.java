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
 * <p>While {@link ExamplesListener#ANNOTATED_ECHO} is off, the engine-level {@link EchoHandler}
 * serves {@code /echo} and {@link ExamplesApplicationConfig} leaves this class out.
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
