package dev.switch101.examples.inspect;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Keeps a {@link HandshakeRecord} of each handshake in the configuration's user properties,
 * which the container gives each connection as its own copy, so that {@link InspectEndpoint}
 * finds its own connection's record in {@code onOpen}.
 */
public class InspectConfigurator extends ServerEndpointConfig.Configurator {

    /** The user property that holds the {@link HandshakeRecord}. */
    public static final String RECORD = HandshakeRecord.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        config.getUserProperties().put(RECORD, HandshakeRecord.of(request, response));
    }
}
