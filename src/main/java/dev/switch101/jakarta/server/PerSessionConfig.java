package dev.switch101.jakarta.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One connection's view of an endpoint's configuration: everything is the endpoint's, except
 * the user properties, which are a copy made for this connection. {@code modifyHandshake} gets
 * it, and so does the endpoint's {@code onOpen}, so what the handshake stores for a connection
 * reaches that connection and no other (Jakarta WebSocket 2.1, {@code EndpointConfig.getUserProperties}).
 */
final class PerSessionConfig implements ServerEndpointConfig {

    private final ServerEndpointConfig endpoint;
    private final Map<String, Object> userProperties;

    /** @param defaults properties the copy starts with where the endpoint's own do not set them */
    PerSessionConfig(ServerEndpointConfig endpoint, Map<String, Object> defaults) {
        this.endpoint = endpoint;
        // Thread-safe: the handshake's thread writes it, the connection's callbacks read it.
        this.userProperties = new ConcurrentHashMap<>();
        // Not the copy constructor: it sizes a table even for no properties, and this copy is
        // kept for the connection's life (it is the config onOpen gets).
        if (!endpoint.getUserProperties().isEmpty()) {
            userProperties.putAll(endpoint.getUserProperties());
        }
        defaults.forEach(userProperties::putIfAbsent);
    }

    @Override
    public Class<?> getEndpointClass() {
        return endpoint.getEndpointClass();
    }

    @Override
    public String getPath() {
        return endpoint.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return endpoint.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return endpoint.getExtensions();
    }

    @Override
    public Configurator getConfigurator() {
        return endpoint.getConfigurator();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return endpoint.getEncoders();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return endpoint.getDecoders();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }
}
