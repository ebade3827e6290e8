package dev.switch101.it.jcontainer;

import java.util.List;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Answers the handshake with what it saw (X-Room: the path parameter, X-Probe: a request header,
 * X-Served-By: a name), refuses the Origin http://evil.example and otherwise defers to the
 * container's Origin check, and picks the subprotocol in the server's order of preference.
 */
public class RoomConfigurator extends ServerEndpointConfig.Configurator {

    private final String name;

    public RoomConfigurator(String name) {
        this.name = name;
    }

    @Override
    public boolean checkOrigin(String origin) {
        return !"http://evil.example".equals(origin) && super.checkOrigin(origin);
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return supported.stream().filter(requested::contains).findFirst().orElse("");
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        List<String> room = request.getParameterMap().get("room");
        response.getHeaders().put("X-Served-By", List.of(name));
        response.getHeaders().put("X-Room", List.of(room == null ? "-" : room.get(0)));
        response.getHeaders().put("X-Probe", List.of(String.valueOf(request.getHeaders().get("x-probe"))));
    }
}
