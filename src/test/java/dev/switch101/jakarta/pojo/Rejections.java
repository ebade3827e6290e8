package dev.switch101.jakarta.pojo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;

/** Asserts that {@link PojoEndpoints#configFor} rejects a class with a message naming the class, the method and the rule. */
final class Rejections {

    private Rejections() {
    }

    /**
     * @param method    the method as the message names it ({@code Declaring.name(Types)}, the
     *                  declaring class's simple name is enough; {@code Declaring.} alone where
     *                  either of two methods may be the one found second), or {@code null} for a
     *                  class rule
     * @param fragments pieces of the rule's wording
     */
    static String assertRejected(Class<?> type, String method, String... fragments) {
        DeploymentException rejected = assertThrows(DeploymentException.class, () -> PojoEndpoints.configFor(type));
        String message = rejected.getMessage();
        System.out.println(message);
        assertTrue(message.startsWith(type.getName() + ": "), () -> "names the class first: " + message);
        if (method != null) {
            assertTrue(message.contains(": method ") && message.contains(method),
                    () -> "names the method " + method + ": " + message);
        }
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "says '" + fragment + "': " + message);
        }
        assertTrue(message.matches("(?s).*\\[WebSocket 2\\.1 §[0-9.].*\\]$"), () -> "cites the spec clause: " + message);
        return message;
    }
}
