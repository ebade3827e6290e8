package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a {@code Session} knows (Session javadoc, Jakarta WebSocket 2.1 §2.1.x). */
public interface SessionChecks extends ApiTarget {

    @Test
    default void sessionKnowsItsRequestAndNegotiation() {
        try (ApiClient client = ApiClient.open(base(), "api/facts/plain?x=1&y=2&y=3", "facts.v0", "facts.v2")) {
            Map<String, String> facts = lines(client.nextText());
            assertTrue(!facts.get("id").isEmpty(), "id");
            assertEquals("true", facts.get("idStable"));
            assertEquals("true", facts.get("isOpen"));
            assertEquals("13", facts.get("protocolVersion"));
            // Session.getRequestURI javadoc: the complete URI, "from protocol to query string", with the
            // ws scheme. It "should" be the request's URI: the host name is not asserted (Tyrus says
            // localhost where the request said 127.0.0.1).
            URI requestUri = URI.create(facts.get("requestURI"));
            URI expectedUri = ApiClient.ws(base(), "api/facts/plain?x=1&y=2&y=3");
            assertEquals("ws", requestUri.getScheme(), requestUri::toString);
            assertEquals(expectedUri.getPort(), requestUri.getPort(), requestUri::toString);
            assertEquals(expectedUri.getRawPath(), requestUri.getRawPath(), requestUri::toString);
            assertEquals(expectedUri.getRawQuery(), requestUri.getRawQuery(), requestUri::toString);
            assertEquals("x=1&y=2&y=3", facts.get("queryString"));
            // Default Configurator: the client's first requested subprotocol that the endpoint supports.
            assertEquals("facts.v2", facts.get("negotiatedSubprotocol"));
            assertEquals("facts.v2", client.subprotocol());
            assertEquals("[]", facts.get("negotiatedExtensions"));
            assertEquals("null", facts.get("userPrincipal"));
            assertEquals("false", facts.get("isSecure"));
            assertEquals("true", facts.get("userPropertiesMutable"));
            assertEquals("true", facts.get("openSessionsHasMe"));
            assertEquals("true", facts.get("container"));
        }
    }

    // Session.getPathParameters: "the path parameter names and values" of the endpoint's URI
    // template, so the query's parameters are not among them.
    @Test
    default void pathParametersAreTheTemplateVariablesOnly() {
        try (ApiClient client = ApiClient.open(base(), "api/facts/plain?x=1")) {
            assertEquals("{kind=plain}", lines(client.nextText()).get("pathParameters"));
        }
    }

    // Session.getRequestParameterMap javadoc: "a representation of the parameters contained in the
    // query string" (not the path parameters).
    @Test
    default void requestParametersAreThoseOfTheQueryString() {
        try (ApiClient client = ApiClient.open(base(), "api/facts/plain?x=1&y=2&y=3")) {
            assertEquals("{x=[1], y=[2, 3]}", lines(client.nextText()).get("requestParameterMap"));
        }
    }

    // Session setters: idle timeout, text/binary buffer sizes; user properties are the session's own.
    @Test
    default void sessionSettersTakeEffect() {
        try (ApiClient client = ApiClient.open(base(), "api/facts/set")) {
            client.nextText();
            Map<String, String> facts = lines(client.request("v1"));
            assertEquals("123000", facts.get("maxIdleTimeout"));
            assertEquals("12345", facts.get("maxTextMessageBufferSize"));
            assertEquals("23456", facts.get("maxBinaryMessageBufferSize"));
            assertEquals("v1", facts.get("userProperty"));
        }
    }

    // Session.getId: unique; getOpenSessions: the open sessions of the same endpoint, not others'.
    @Test
    default void openSessionsAreThoseOfTheSameEndpoint() {
        try (ApiClient first = ApiClient.open(base(), "api/open-sessions");
                ApiClient second = ApiClient.open(base(), "api/open-sessions");
                ApiClient other = ApiClient.open(base(), "api/whole")) {
            other.nextText();
            String firstId = first.request("me");
            String secondId = second.request("me");
            assertNotEquals(firstId, secondId, "session ids are unique");
            String open = first.request("ids");
            assertTrue(open.contains(firstId) && open.contains(secondId), open);
            assertEquals(2, open.split(",").length, "only this endpoint's sessions: " + open);
        }
    }

    /** Parses {@code key=value} lines (the value may contain '='). */
    static Map<String, String> lines(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            map.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1));
        }
        return map;
    }
}
