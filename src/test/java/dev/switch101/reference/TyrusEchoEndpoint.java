package dev.switch101.reference;

import java.nio.ByteBuffer;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import dev.switch101.it.conformance.EchoConformance;

/** The echo contract of the conformance suite, as a plain annotated endpoint for Tyrus. */
@ServerEndpoint(value = "/" + EchoConformance.ECHO_PATH, subprotocols = {"echo.v2", "echo.v1"})
public class TyrusEchoEndpoint {

    @OnMessage(maxMessageSize = EchoConformance.MESSAGE_SIZE_LIMIT)
    public String onText(String text) {
        return text;
    }

    @OnMessage(maxMessageSize = EchoConformance.MESSAGE_SIZE_LIMIT)
    public ByteBuffer onBinary(ByteBuffer binary) {
        return binary;
    }
}
