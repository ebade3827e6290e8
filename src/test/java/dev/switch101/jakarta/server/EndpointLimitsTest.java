package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import dev.switch101.session.Limits;

/** A Jakarta endpoint's own limits, from its config's user properties over the application's. */
class EndpointLimitsTest {

    public static final class Plain extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            // nothing: only the registration is looked at
        }
    }

    private static ServerEndpointConfig config(Map<String, Object> properties) {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Plain.class, "/limited").build();
        config.getUserProperties().putAll(properties);
        return config;
    }

    private static Limits limitsOf(ServerEndpointConfig config, Limits application) {
        return new JakartaEndpoint(config, Set.of(), null, EndpointInstances.PLAIN)
                .registration("/limited", application).limits();
    }

    // Only the application's context-params could set the frame and message timeouts: an endpoint
    // that takes slow uploads could not have a longer one, nor a chat endpoint a shorter one.
    @Test
    void anEndpointsUserPropertiesSetItsOwnTimeoutsOverTheApplicationsLimits() {
        Limits application = Limits.DEFAULT.withFrameTimeout(Duration.ofMinutes(1));
        Limits limits = limitsOf(config(Map.of("dev.switch101.messageTimeoutMillis", "2000",
                "dev.switch101.idleTimeoutMillis", 30_000)), application);
        assertEquals(Duration.ofSeconds(2), limits.messageTimeout());
        assertEquals(Duration.ofSeconds(30), limits.idleTimeout());
        assertEquals(Duration.ofMinutes(1), limits.frameTimeout(), "what the endpoint does not set is the application's");
        assertEquals(application.maxMessageSize(), limits.maxMessageSize());
    }

    @Test
    void anEndpointWithoutLimitPropertiesHasTheApplicationsLimits() {
        assertNull(limitsOf(config(Map.of("unrelated", "x")), Limits.DEFAULT));
    }

    @Test
    void aLimitPropertyThatIsNoNumberFailsTheDeploymentNamingIt() {
        EngineServerContainer container = EngineServerContainer.of(ServletFakes.context(Map.of()));
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> container.addEndpoint(config(Map.of("dev.switch101.messageTimeoutMillis", "2 s"))));
        assertTrue(failure.getMessage().contains("dev.switch101.messageTimeoutMillis"), failure.getMessage());
    }
}
