package dev.switch101.examples;

import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import dev.switch101.examples.chat.ChatRooms;
import dev.switch101.examples.ticker.TickerFeed;
import dev.switch101.server.ContextParameters;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.WebSocketServer;
import dev.switch101.session.Limits;
import dev.switch101.upgrade.UpgradeRegistry;

/**
 * Registers the demo application's engine-level endpoints ({@code /stream-echo},
 * {@code /secure/echo}) and protocols ({@code echo/1}) when it starts, and
 * stops the examples' background work when it stops. The annotated examples
 * ({@code @ServerEndpoint}) and {@link ReverseEndpoint} are deployed by the Jakarta WebSocket
 * runtime ({@link ExamplesApplicationConfig}).
 */
@WebListener
public final class ExamplesListener implements ServletContextListener {

    /**
     * The engine-level echo's message size limit, 32 MiB as the annotated {@link EchoEndpoint}'s:
     * it streams each message through, so it never holds one, however large.
     */
    static final long STREAM_ECHO_MAX_MESSAGE = 32L << 20;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        WebSocketServer server = WebSocketServer.of(context);
        Limits defaults = Limits.from(ContextParameters.of(context)::apply);
        // The engine's own interface beside the annotated /echo: the same contract, streamed.
        server.addEndpoint(EndpointRegistration.of("/stream-echo", EchoHandler::new)
                .withSubprotocols(List.of("echo.v2", "echo.v1"))
                .withLimits(defaults.withMaxMessageSize(STREAM_ECHO_MAX_MESSAGE, STREAM_ECHO_MAX_MESSAGE)));
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
