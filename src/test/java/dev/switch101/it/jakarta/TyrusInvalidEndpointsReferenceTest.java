package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jakarta.websocket.DeploymentException;

/**
 * Tyrus' own server refuses every invalid endpoint of {@link InvalidEndpoints} with a
 * DeploymentException that names the class (or, for path conflicts, the path): the reference for
 * {@code DeploymentFailureIT}.
 */
class TyrusInvalidEndpointsReferenceTest {

    /** README, "Ports": 18098; override with -Dapitests.tyrus.invalidPort. */
    private static final int PORT = Integer.getInteger("apitests.tyrus.invalidPort", 18098);

    @ParameterizedTest
    @EnumSource(InvalidEndpoints.class)
    void theDeploymentFailsNamingTheClassOrPath(InvalidEndpoints invalid) {
        Server server = new Server("127.0.0.1", PORT, "/invalid", Map.of(), invalid.classes().toArray(Class<?>[]::new));
        try {
            DeploymentException failure = assertThrows(DeploymentException.class, server::start);
            System.out.println("[apitests] Tyrus refuses " + invalid + ": " + failure.getMessage().strip());
            // Tyrus names the class or the path; it does not always name the method (issue 9 asks it of ours).
            assertTrue(failure.getMessage().contains(invalid.culprit()), failure::getMessage);
        } finally {
            server.stop();
        }
    }
}
