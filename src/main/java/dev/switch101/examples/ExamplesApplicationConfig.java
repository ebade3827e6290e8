package dev.switch101.examples;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * What the demo application deploys (Jakarta WebSocket 2.1 §6.2): every scanned
 * {@code @ServerEndpoint} class, and one programmatic endpoint, {@link ReverseEndpoint}, which
 * no scan would deploy on its own.
 */
public class ExamplesApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(ServerEndpointConfig.Builder.create(ReverseEndpoint.class, ReverseEndpoint.PATH).build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        if (ExamplesListener.ANNOTATED_ECHO) {
            return scanned;
        }
        // The engine-level EchoHandler holds /echo for now (see ExamplesListener).
        return scanned.stream().filter(type -> type != EchoEndpoint.class).collect(Collectors.toUnmodifiableSet());
    }
}
