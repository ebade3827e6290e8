package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Programmatic endpoints and deployment (Jakarta WebSocket 2.1 §2.1.x, §6.2 ServerApplicationConfig,
 * §6.4 the ServerContainer attribute): MessageHandler.Whole/Partial, one handler per message kind.
 */
public interface ProgrammaticChecks extends ApiTarget {

    // Session.addMessageHandler javadoc: one handler per native message type (text, binary, pong);
    // a second text handler is an IllegalStateException. Whole<String> from an anonymous class's
    // generic signature; Partial<ByteBuffer> as a lambda with its class.
    @Test
    default void messageHandlersWholeAndPartialAndTheSecondTextHandlerIsRefused() {
        try (ApiClient client = ApiClient.open(base(), "api/programmatic")) {
            assertEquals("open:handlers=2:second-text-handler=IllegalStateException", client.nextText());
            assertEquals("whole:hello", client.request("hello"));
            client.sendBinary(new byte[] {1, 2}, false).sendBinary(new byte[] {3}, true);
            assertEquals("partial-binary:3", client.nextText(), "the parts' bytes, the last one flagged");
        }
    }

    // §6.2: only the annotated classes ServerApplicationConfig returns are deployed.
    @Test
    default void serverApplicationConfigFiltersAnnotatedEndpoints() {
        assertEquals(404, ApiClient.refusedStatus(base(), "api/filtered-out", Map.of()));
    }

    // §6.2: only the programmatic endpoint configs ServerApplicationConfig returns are deployed.
    @Test
    default void programmaticEndpointsNotReturnedByServerApplicationConfigAreNotDeployed() {
        assertEquals(404, ApiClient.refusedStatus(base(), "api/excluded-programmatic", Map.of()));
    }

    // §6.4: a ServletContextListener adds an endpoint through the ServerContainer attribute.
    @Test
    default void endpointAddedByAServletContextListenerIsServed() {
        try (ApiClient client = ApiClient.open(base(), "api/from-listener")) {
            assertEquals("added-by-listener:true", client.nextText());
        }
    }
}
