package dev.switch101.it.jcontainer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

/**
 * An endpoint with an injection point and lifecycle callbacks: records what CDI did (nothing,
 * where there is no CDI) for {@link ContainerProbeServlet} to report.
 */
public class CdiProbeEndpoint extends Endpoint {

    static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    static final AtomicReference<String> INJECTED = new AtomicReference<>("never");
    static final AtomicInteger RELEASED = new AtomicInteger();

    @Inject
    Greeting greeting;

    public CdiProbeEndpoint() {
        CONSTRUCTED.incrementAndGet();
    }

    @PostConstruct
    void constructed() {
        INJECTED.set(greeting == null ? "null" : greeting.text());
    }

    @PreDestroy
    void released() {
        RELEASED.incrementAndGet();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // what these tests look at happens around the session, not in it
    }
}
