package dev.switch101.jakarta.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Switch101's container default {@link ServerEndpointConfig.Configurator}: what a configurator's
 * methods do where an application does not override them.
 *
 * <ul>
 *   <li>{@code checkOrigin}: Switch101's Origin policy (same origin plus the
 *       {@code dev.switch101.allowedOrigins} list) on the request being handshaken; outside one of
 *       our handshakes, {@code true}.</li>
 *   <li>{@code getNegotiatedSubprotocol}: the client's first offer that the endpoint supports, or {@code ""}.</li>
 *   <li>{@code getNegotiatedExtensions}: the requested extensions the server has installed, in the
 *       client's order.</li>
 *   <li>{@code modifyHandshake}: nothing.</li>
 *   <li>{@code getEndpointInstance}: a new instance per connection, from CDI where there is one.</li>
 * </ul>
 *
 * <p>Switch101 applies these defaults itself for the methods an application's configurator does
 * not override ({@link ConfiguratorCalls}), whatever default the API found. This class is not
 * registered in {@code META-INF/services}: Tomcat's copy of the API caches one default for every
 * application of the JVM in a static field, and registering an application's class there would
 * hand it to the other applications and leak it past undeployment (Servlet 6.0 §10.7.2). So
 * {@code super.method(...)} in an application's configurator reaches the container's own default
 * (whose {@code checkOrigin} is always {@code true}); a configurator that wants Switch101's
 * behaviour from {@code super} extends this class instead.
 */
public class DefaultConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        HandshakeScope scope = HandshakeScope.current();
        return scope == null || scope.originPermitted();
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        for (String offer : requested) {
            if (supported.contains(offer)) {
                return offer;
            }
        }
        return "";
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        Set<String> names = new HashSet<>();
        installed.forEach(e -> names.add(e.getName()));
        List<Extension> negotiated = new ArrayList<>();
        for (Extension extension : requested) {
            if (names.contains(extension.getName())) {
                negotiated.add(extension);
            }
        }
        return negotiated;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // The default changes nothing.
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        HandshakeScope scope = HandshakeScope.current();
        T instance = scope == null ? null : scope.newInstance(endpointClass);
        return instance != null ? instance : endpointClass.cast(EndpointInstances.PLAIN.create(endpointClass).object());
    }
}
