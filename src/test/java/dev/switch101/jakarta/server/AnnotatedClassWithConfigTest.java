package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

/**
 * An annotated class deployed with a configuration of the application's own
 * ({@code addEndpoint(ServerEndpointConfig)}): its connections use the configuration's path,
 * so that is what its methods are checked against, at deployment. They were checked against the
 * annotation's path instead.
 */
class AnnotatedClassWithConfigTest {

    @ServerEndpoint("/rooms/{room}")
    public static class RoomNumber {
        @OnMessage
        public String message(String text, @PathParam("room") int room) {
            return room + ": " + text;
        }
    }

    @ServerEndpoint("/lobby")
    public static class RoomNumberByConfigOnly {
        @OnMessage
        public String message(String text, @PathParam("room") int room) {
            return room + ": " + text;
        }
    }

    private final EngineServerContainer container = EngineServerContainer.of(ServletFakes.context());

    // A primitive @PathParam needs its variable in the path (null cannot be an int). With a
    // configuration's path that lacks it, the deployment passed and every handshake failed with 500.
    @Test
    void aPrimitivePathParameterMissingFromTheConfigsPathFailsTheDeployment() {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> container.addEndpoint(ServerEndpointConfig.Builder.create(RoomNumber.class, "/plain").build()));
        assertTrue(failure.getMessage().contains("room"), failure.getMessage());
    }

    // The annotation's path does not matter when a configuration gives the path: this class was refused.
    @Test
    void aConfigsPathWithTheVariableDeploysWhateverTheAnnotationSays() {
        assertDoesNotThrow(() -> container.addEndpoint(
                ServerEndpointConfig.Builder.create(RoomNumberByConfigOnly.class, "/halls/{room}").build()));
    }
}
