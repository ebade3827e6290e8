package dev.switch101.examples;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.WebSocketServer;
import dev.switch101.session.Limits;
import dev.switch101.upgrade.UpgradeRegistry;

/** Registers the demo application's example endpoints and protocols when it starts. */
@WebListener
public final class ExamplesListener implements ServletContextListener {

    /** The echo endpoint takes whole messages up to 32 MiB (it streams them, never holding one). */
    static final long ECHO_MAX_MESSAGE = 32L << 20;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        WebSocketServer server = WebSocketServer.of(context);
        Limits defaults = Limits.from(context::getInitParameter);
        server.addEndpoint(EndpointRegistration.of("/echo", EchoHandler::new)
                .withSubprotocols(List.of("echo.v2", "echo.v1"))
                .withLimits(defaults.withMaxMessageSize(ECHO_MAX_MESSAGE, ECHO_MAX_MESSAGE)));
        // Behind the security constraint in web.xml: only authenticated users get here.
        server.addEndpoint(EndpointRegistration.of("/secure/echo", EchoHandler::new));
        UpgradeRegistry.of(context).register(new LineEchoProtocol());
    }
}
