package dev.switch101.it.jsession.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.WebSocketContainer;

import dev.switch101.jakarta.session.EndpointFrameHandler;
import dev.switch101.jakarta.session.OpenSessions;
import dev.switch101.jakarta.session.SessionSetup;
import dev.switch101.server.EndpointRegistration;
import dev.switch101.server.WebSocketServer;
import dev.switch101.session.Limits;

/**
 * Registers the session side's {@link EndpointFrameHandler} directly through the engine API,
 * with the test's own container: what the container side will do for every endpoint.
 */
@WebListener
public final class JakartaSessionApp implements ServletContextListener {

    /** Messages up to 4 MiB reach the session (its buffer sizes are the limit under test). */
    static final Limits LIMITS = new Limits(4 << 20, 4 << 20, 16 * 1024, 256 * 1024, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofSeconds(5));

    private final WebSocketContainer container = new PlainContainer();
    private ExecutorService streamsAndAsyncSends;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        streamsAndAsyncSends = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "jsession-it");
            t.setDaemon(true);
            return t;
        });
        WebSocketServer server = WebSocketServer.of(event.getServletContext());
        add(server, "/jsession/echo", SessionEndpoints.Echo::new, PlainConfig.empty());
        add(server, "/jsession/streams", SessionEndpoints.Streams::new, PlainConfig.empty());
        add(server, "/jsession/points", SessionEndpoints.Points::new,
                PlainConfig.withDecoders(List.of(SessionEndpoints.PointDecoder.class)));
        add(server, "/jsession/small", SessionEndpoints.SmallBuffer::new, PlainConfig.empty());
        add(server, "/jsession/async", SessionEndpoints.Async::new, PlainConfig.empty());
        add(server, "/jsession/rules", SessionEndpoints.Rules::new, PlainConfig.empty());
    }

    private void add(WebSocketServer server, String path, Supplier<Endpoint> endpoints, EndpointConfig config) {
        OpenSessions open = new OpenSessions();
        server.addEndpoint(EndpointRegistration.of(path, () -> new EndpointFrameHandler(
                new SessionSetup(endpoints.get(), config, container, Map.of(), open, streamsAndAsyncSends)))
                .withLimits(LIMITS));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        streamsAndAsyncSends.shutdownNow();
        try {
            // No thread of the application outlives it (containers report that as a leak).
            streamsAndAsyncSends.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
