package dev.switch101.it.jcontainer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Deploys {@link RoomEndpoint} at a template and at an exact path under it (the exact one must
 * win for its own path), from the scanned classes; annotated classes as scanned.
 */
public class RoomApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
        if (scanned.contains(RoomEndpoint.class)) {
            configs.add(ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/jakarta/rooms/{room}")
                    .subprotocols(List.of("room.v1", "room.v2")).configurator(new RoomConfigurator("template"))
                    .build());
            configs.add(ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/jakarta/rooms/lobby")
                    .configurator(new RoomConfigurator("exact")).build());
        }
        if (scanned.contains(CdiProbeEndpoint.class)) {
            configs.add(ServerEndpointConfig.Builder.create(CdiProbeEndpoint.class, "/jakarta/cdi").build());
        }
        return configs;
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
