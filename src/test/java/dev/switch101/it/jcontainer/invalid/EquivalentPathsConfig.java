package dev.switch101.it.jcontainer.invalid;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

/** An invalid application: two endpoints at equivalent URI templates (Jakarta WebSocket 2.1 §3.1.1). */
public class EquivalentPathsConfig implements ServerApplicationConfig {

    /** The endpoint, twice. */
    public static class Twice extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
        configs.add(ServerEndpointConfig.Builder.create(Twice.class, "/invalid/{x}").build());
        configs.add(ServerEndpointConfig.Builder.create(Twice.class, "/invalid/{y}").build());
        return configs;
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
