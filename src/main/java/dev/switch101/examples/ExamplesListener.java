package dev.switch101.examples;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import dev.switch101.examples.chat.ChatRooms;
import dev.switch101.examples.ticker.TickerFeed;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.WebSocketServer;
import dev.switch101.session.Limits;
import dev.switch101.upgrade.UpgradeRegistry;

/**
 * Registers the demo application's engine-level endpoints and protocols when it starts, and
 * stops the examples' background work when it stops. The annotated examples
 * ({@code @ServerEndpoint}) and {@link ReverseEndpoint} are deployed by the Jakarta WebSocket
 * runtime ({@link ExamplesApplicationConfig}).
 */
@WebListener
public final class ExamplesListener implements ServletContextListener {

    /**
     * Whether the annotated {@link EchoEndpoint} serves {@code /echo}; if not, the engine-level
     * {@link EchoHandler} does (one path, one endpoint: both at once would be a duplicate path).
     */
    static final boolean ANNOTATED_ECHO = false;

    /** The echo endpoint takes whole messages up to 32 MiB (it streams them, never holding one). */
    static final long ECHO_MAX_MESSAGE = 32L << 20;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        WebSocketServer server = WebSocketServer.of(context);
        Limits defaults = Limits.from(context::getInitParameter);
        if (!ANNOTATED_ECHO) {
            server.addEndpoint(EndpointRegistration.of("/echo", EchoHandler::new)
                    .withSubprotocols(List.of("echo.v2", "echo.v1"))
                    .withLimits(defaults.withMaxMessageSize(ECHO_MAX_MESSAGE, ECHO_MAX_MESSAGE)));
        }
        // Behind the security constraint in web.xml: only authenticated users get here.
        server.addEndpoint(EndpointRegistration.of("/secure/echo", EchoHandler::new));
        UpgradeRegistry.of(context).register(new LineEchoProtocol());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        TickerFeed.shared().stop();
        ChatRooms.shared().stop();
    }
}
