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
 * Switch101's container default {@link ServerEndpointConfig.Configurator}, registered in
 * {@code META-INF/services} for the API's {@code fetchContainerDefaultConfigurator}; what a
 * configurator's methods do where an application does not override them.
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
 * Switch101 applies these defaults itself for methods an application's configurator does not
 * override (see {@link ConfiguratorCalls}), so which default the API's {@code ServiceLoader}
 * finds does not change what our endpoints do.
 *
 * <p>Tomcat's API caches the first default it finds for the whole JVM, in a static field: that
 * may be this class as loaded by another (even a since undeployed) application. So each method
 * first hands the call to this class as the calling application sees it (through the thread's
 * context class loader, which our handshake sets), and touches none of its own application's
 * classes when it does.
 */
public class DefaultConfigurator extends ServerEndpointConfig.Configurator {

    /**
     * This class as the application on this thread sees it, if that is another copy of it
     * (another application's); {@code null} if it is this one, or none.
     */
    private static ServerEndpointConfig.Configurator currentApplications() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null) {
            return null;
        }
        try {
            Class<?> type = Class.forName(DefaultConfigurator.class.getName(), false, context);
            return type == DefaultConfigurator.class ? null
                    : (ServerEndpointConfig.Configurator) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError notVisible) {
            return null; // the application does not see Switch101: our own behaviour is all there is
        }
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        ServerEndpointConfig.Configurator current = currentApplications();
        if (current != null) {
            return current.checkOrigin(originHeaderValue);
        }
        HandshakeScope scope = HandshakeScope.current();
        return scope == null || scope.originPermitted();
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        ServerEndpointConfig.Configurator current = currentApplications();
        if (current != null) {
            return current.getNegotiatedSubprotocol(supported, requested);
        }
        for (String offer : requested) {
            if (supported.contains(offer)) {
                return offer;
            }
        }
        return "";
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        ServerEndpointConfig.Configurator current = currentApplications();
        if (current != null) {
            return current.getNegotiatedExtensions(installed, requested);
        }
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
        ServerEndpointConfig.Configurator current = currentApplications();
        if (current != null) {
            return current.getEndpointInstance(endpointClass);
        }
        HandshakeScope scope = HandshakeScope.current();
        T instance = scope == null ? null : scope.newInstance(endpointClass);
        return instance != null ? instance : endpointClass.cast(EndpointInstances.PLAIN.create(endpointClass).object());
    }
}
