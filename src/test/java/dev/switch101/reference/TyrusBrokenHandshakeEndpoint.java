package dev.switch101.reference;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** An endpoint whose handshake hook throws, for the "handshake failure is a 500" check. */
@ServerEndpoint(value = "/echo-broken-handshake", configurator = TyrusBrokenHandshakeEndpoint.Throwing.class)
public class TyrusBrokenHandshakeEndpoint {

    @OnMessage
    public String onText(String text) {
        return text;
    }

    /** Fails every handshake. */
    public static class Throwing extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            throw new IllegalStateException("handshake hook failure (on purpose)");
        }
    }
}
