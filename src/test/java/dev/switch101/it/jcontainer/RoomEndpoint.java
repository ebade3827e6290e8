package dev.switch101.it.jcontainer;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/** A programmatic endpoint; what these tests look at is its handshake. */
public class RoomEndpoint extends Endpoint {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // nothing: the session side's behaviour is tested elsewhere
    }
}
