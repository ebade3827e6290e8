package dev.switch101.jakarta.server;

import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import dev.switch101.session.Limits;

/**
 * Switch101's {@link ContainerProvider}, found by {@code ServiceLoader}. Switch101 has no
 * WebSocket client, so it steps aside whenever another provider is visible (the container's own,
 * or a client library such as Tyrus in the application): {@code getContainer} then returns
 * {@code null}, and {@link ContainerProvider#getWebSocketContainer()} goes on to that provider
 * (it takes the first non-null container). Only when there is none does it return a
 * {@link ClientlessContainer}, whose {@code connectToServer} says what to use instead.
 */
public final class EngineContainerProvider extends ContainerProvider {

    private static final System.Logger LOG = System.getLogger(EngineContainerProvider.class.getName());

    @Override
    protected WebSocketContainer getContainer() {
        return anotherProviderVisible() ? null : new ClientlessContainer(Limits.DEFAULT);
    }

    private static boolean anotherProviderVisible() {
        ServiceLoader<ContainerProvider> loader = ServiceLoader.load(ContainerProvider.class);
        var providers = loader.stream().iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return false;
                }
                if (providers.next().type() != EngineContainerProvider.class) {
                    return true;
                }
            } catch (ServiceConfigurationError unusable) {
                // A provider that cannot be loaded cannot give a container either: look further.
                LOG.log(Level.DEBUG, "A WebSocket container provider is not loadable: {0}", unusable.toString());
            }
        }
    }
}
