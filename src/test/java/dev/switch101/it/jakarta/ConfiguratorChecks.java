package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Handshake;

/**
 * A custom {@code ServerEndpointConfig.Configurator} (Jakarta WebSocket 2.1 §3.1.x handshake
 * customisation, §4.1 {@code configurator}): {@code checkOrigin}, {@code getNegotiatedSubprotocol},
 * {@code getNegotiatedExtensions}, {@code modifyHandshake}, {@code getEndpointInstance}.
 */
public interface ConfiguratorChecks extends ApiTarget {

    // Configurator.checkOrigin false → the handshake is refused with 403 (§4.1.x "403 Forbidden").
    @Test
    default void checkOriginFalseRefusesTheHandshakeWith403() {
        assertEquals(403, ApiClient.refusedStatus(base(), "api/configured", Map.of("Origin", "http://refused.example")));
    }

    // getNegotiatedSubprotocol decides (here: the server's order, chat.v2, where the default would
    // take the client's first, chat.v1); getEndpointInstance makes the instance; modifyHandshake sees
    // the request's header, query and parameters.
    @Test
    default void theConfiguratorNegotiatesMakesTheInstanceAndSeesTheRequest() {
        try (ApiClient client = ApiClient.open(base(), "api/configured?a=1&a=2&b=x",
                Map.of("X-Api-Probe", "probe-value"), "chat.v1", "chat.v2")) {
            assertEquals("chat.v2", client.subprotocol(), "the configurator's choice reaches the 101");
            Map<String, String> lines = SessionChecks.lines(client.nextText());
            assertEquals("getEndpointInstance", lines.get("madeBy"));
            assertEquals("chat.v2", lines.get("subprotocol"));
            // Session.getUserProperties javadoc: starts as a shallow copy of the config's user
            // properties as modifyHandshake left them.
            assertEquals("true", lines.get("sessionCopy"),
                    "Session.getUserProperties() holds what modifyHandshake put into the config's user properties");
            String facts = lines.get("facts");
            assertTrue(facts.contains("header=probe-value"), facts);
            assertTrue(facts.contains("query=a=1&a=2&b=x"), facts);
            assertTrue(facts.contains("parameters={a=[1, 2], b=[x]}"), facts);
            assertTrue(facts.contains("principal=null"), facts);
            assertTrue(facts.contains("inRole=false"), facts);
            assertTrue(facts.contains("requestURI=") && facts.contains("/api/configured"), facts);
        }
    }

    // modifyHandshake's HandshakeResponse headers reach the 101; getNegotiatedExtensions returning
    // none means no Sec-WebSocket-Extensions even when the client offers one.
    @Test
    default void modifyHandshakeResponseHeadersReachThe101() throws IOException {
        Handshake handshake = Handshake.to(base(), "api/configured")
                .add("Sec-WebSocket-Extensions", "permessage-deflate");
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake)) {
            assertEquals("modified", ws.handshakeResponse().header("X-Api-Configurator"));
            assertEquals(null, ws.handshakeResponse().header("Sec-WebSocket-Extensions"));
        }
    }

    // HandshakeRequest.getHttpSession: the HttpSession of the handshake's cookie (servlet containers only).
    @Test
    default void modifyHandshakeSeesTheHttpSession() throws IOException, InterruptedException {
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "api-http-session")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode());
        String cookie = created.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        try (ApiClient client = ApiClient.open(base(), "api/configured", Map.of("Cookie", cookie))) {
            String facts = SessionChecks.lines(client.nextText()).get("facts");
            assertTrue(facts.contains("httpSession=" + created.body()), facts + " / " + cookie);
        }
    }
}
