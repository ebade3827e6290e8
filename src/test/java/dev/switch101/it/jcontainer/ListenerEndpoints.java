package dev.switch101.it.jcontainer;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/** Adds an endpoint from a ServletContextListener, as applications do (Jakarta WebSocket 2.1 §6.4). */
@WebListener
public class ListenerEndpoints implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServerContainer container = (ServerContainer) event.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(RoomEndpoint.class, "/jakarta/from-listener")
                    .configurator(new RoomConfigurator("listener")).build());
        } catch (DeploymentException e) {
            throw new IllegalStateException(e);
        }
    }
}
