package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Whose implementation serves the endpoints: the {@code Session} class inside the endpoint, the
 * {@code WebSocketContainer} and the {@code ServerContainer} context attribute must all be
 * {@link #implementationPackage()}'s (issue 9: "every endpoint in the WAR is served by our engine").
 */
public interface ImplementationChecks extends ApiTarget {

    /** @return the package prefix of the implementation expected to serve, e.g. "dev.switch101." */
    String implementationPackage();

    /** @return whether a ServletContextListener ran (false on a server without servlets) */
    default boolean hasServletContext() {
        return true;
    }

    @Test
    default void theSessionAndContainersAreTheExpectedImplementations() {
        try (ApiClient client = ApiClient.open(base(), "api/who")) {
            Map<String, String> who = SessionChecks.lines(client.nextText());
            System.out.println("[apitests] " + base() + " is served by " + who);
            String expected = implementationPackage();
            assertTrue(who.get("session").startsWith(expected), who::toString);
            assertTrue(who.get("container").startsWith(expected), who::toString);
            if (hasServletContext()) {
                assertTrue(who.get("attribute").startsWith(expected), who::toString);
            }
        }
    }
}
