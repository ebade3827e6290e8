package dev.switch101.it.support;

import jakarta.websocket.DeploymentException;

import dev.switch101.examples.EchoEndpoint;
import dev.switch101.jakarta.pojo.PojoEndpoints;

/**
 * Whether this build can deploy the annotated examples ({@code @ServerEndpoint}): the Jakarta
 * WebSocket API is being built beside them, and until its annotated-endpoint model replaces the
 * placeholder ({@link PojoEndpoints} throwing {@link UnsupportedOperationException}), the
 * examples are inert classes in the WAR. The tests of those examples are skipped with
 * {@link #NOT_YET} until then, and run (and must pass) from then on.
 */
public final class JakartaExamples {

    public static final String NOT_YET = "the Jakarta @ServerEndpoint support is not in this build yet "
            + "(dev.switch101.jakarta.pojo.PojoEndpoints is still a placeholder): the annotated examples are not deployed";

    private JakartaExamples() {
    }

    /** @return whether the annotated-endpoint model exists (a rejected example is a test failure, not a skip) */
    public static boolean deployable() {
        try {
            PojoEndpoints.configFor(EchoEndpoint.class);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (DeploymentException e) {
            throw new AssertionError("the annotated example " + EchoEndpoint.class.getName() + " is rejected: " + e.getMessage(), e);
        }
    }
}
