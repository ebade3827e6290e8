package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

/**
 * A Jakarta endpoint's configurator during the opening handshake, through the real handshake
 * code (engine validation, negotiation, the 101) on a fake servlet request: the methods are
 * called in the order containers use (Tomcat's UpgradeUtil, Tyrus): checkOrigin,
 * getNegotiatedSubprotocol, getNegotiatedExtensions, modifyHandshake, getEndpointInstance.
 */
class ConfiguratorHandshakeTest {

    /** Records each call; refuses one origin; prefers the server's subprotocol order. */
    static final class Recording extends ServerEndpointConfig.Configurator {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<ServerEndpointConfig> configs = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean checkOrigin(String origin) {
            calls.add("checkOrigin " + origin);
            return !"http://evil.example".equals(origin) && super.checkOrigin(origin);
        }

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            calls.add("getNegotiatedSubprotocol");
            return supported.stream().filter(requested::contains).findFirst().orElse("");
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            calls.add("getNegotiatedExtensions");
            return List.of();
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            calls.add("modifyHandshake");
            configs.add(sec);
            sec.getUserProperties().put("room", request.getParameterMap().get("room").get(0));
            response.getHeaders().put("X-Room", List.of(request.getParameterMap().get("room").get(0)));
            response.getHeaders().put("X-Probe", List.of(String.valueOf(request.getHeaders().get("x-PROBE"))));
            response.getHeaders().put("X-Admin", List.of(String.valueOf(request.isUserInRole("admin"))));
            response.getHeaders().put("X-Query", List.of(request.getQueryString()));
            response.getHeaders().put("Set-Cookie", List.of("a=1", "b=2"));
            response.getHeaders().put("Sec-WebSocket-Accept", List.of("not the application's"));
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            calls.add("getEndpointInstance");
            return super.getEndpointInstance(endpointClass);
        }
    }

    public static final class Probe extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    private final EngineServerContainer container = EngineServerContainer.of(ServletFakes.context());

    private ServletFakes.RecordedResponse handshake(ServerEndpointConfig config, Map<String, List<String>> headers)
            throws Exception {
        ServletFakes.RecordedResponse response = new ServletFakes.RecordedResponse();
        container.upgradeHttpToWebSocket(ServletFakes.handshake("/rooms/lobby", "x=1", headers), response.proxy,
                config, Map.of("room", "lobby"));
        return response;
    }

    private static ServerEndpointConfig config(ServerEndpointConfig.Configurator configurator) {
        return ServerEndpointConfig.Builder.create(Probe.class, "/rooms/{room}").subprotocols(List.of("a", "b"))
                .configurator(configurator).build();
    }

    @Test
    void configuratorIsCalledInTheSpecOrderAndShapesThe101() throws Exception {
        Recording recording = new Recording();
        ServletFakes.RecordedResponse response = handshake(config(recording), Map.of(
                "Origin", List.of("http://localhost:8080"), "Sec-WebSocket-Protocol", List.of("b, a"),
                "Sec-WebSocket-Extensions", List.of("x-unknown"), "X-Probe", List.of("hello")));

        assertEquals(101, response.status);
        assertEquals(List.of("checkOrigin http://localhost:8080", "getNegotiatedSubprotocol",
                "getNegotiatedExtensions", "modifyHandshake", "getEndpointInstance"), recording.calls);
        // getNegotiatedSubprotocol decided (server order), and it is one the client offered.
        assertEquals(List.of("a"), response.header("Sec-WebSocket-Protocol"));
        assertEquals(List.of("lobby"), response.header("X-Room"), "path parameters are in the parameter map");
        assertEquals(List.of("[hello]"), response.header("X-Probe"), "header names are case-insensitive");
        assertEquals(List.of("true"), response.header("X-Admin"), "isUserInRole reaches the request");
        assertEquals(List.of("x=1"), response.header("X-Query"));
        assertEquals(List.of("a=1", "b=2"), response.header("Set-Cookie"), "each value is a header line");
        assertEquals(List.of(RawAccept.FOR_SAMPLE_NONCE), response.header("Sec-WebSocket-Accept"),
                "the protocol's own headers are not the application's to change");
    }

    @Test
    void overridingCheckOriginReplacesThePolicyAndRefusesWith403() throws Exception {
        Recording recording = new Recording();
        ServletFakes.RecordedResponse response = handshake(config(recording),
                Map.of("Origin", List.of("http://evil.example")));
        assertEquals(403, response.status);
        assertEquals(List.of("checkOrigin http://evil.example"), recording.calls, "nothing after the refusal");
    }

    @Test
    void theDefaultConfiguratorAppliesTheOriginPolicy() throws Exception {
        ServerEndpointConfig plain = config(new ServerEndpointConfig.Configurator());
        assertEquals(403, handshake(plain, Map.of("Origin", List.of("http://other.example"))).status);
        ServletFakes.RecordedResponse accepted = handshake(plain, Map.of("Origin", List.of("http://localhost:8080"),
                "Sec-WebSocket-Protocol", List.of("b, a")));
        assertEquals(101, accepted.status);
        // The default subprotocol choice: the client's first supported offer.
        assertEquals(List.of("b"), accepted.header("Sec-WebSocket-Protocol"));
    }

    @Test
    void modifyHandshakeGetsAConfigurationOfItsOwnPerConnection() throws Exception {
        Recording recording = new Recording();
        ServerEndpointConfig config = config(recording);
        handshake(config, Map.of());
        handshake(config, Map.of());
        assertEquals(2, recording.configs.size());
        assertNotSame(recording.configs.get(0), recording.configs.get(1));
        assertNotSame(recording.configs.get(0).getUserProperties(), recording.configs.get(1).getUserProperties());
        assertEquals("lobby", recording.configs.get(0).getUserProperties().get("room"));
        assertTrue(config.getUserProperties().isEmpty(), "the endpoint's own properties are untouched");
    }

    @Test
    void aSubprotocolTheClientDidNotOfferFailsTheHandshake() {
        ServerEndpointConfig config = config(new ServerEndpointConfig.Configurator() {
            @Override
            public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                return "never-offered";
            }
        });
        // RFC 6455 §4.2.2: the answer must be one of the client's values; the filter answers 500.
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> handshake(config, Map.of("Sec-WebSocket-Protocol", List.of("a"))));
        assertTrue(failure.getMessage().contains("never-offered"), failure.getMessage());
    }

    // A configurator that picks from the installed list hands back the name alone. The client's
    // parameters were dropped with it: a client that can only inflate with a 1 KiB window
    // (server_max_window_bits=10) got permessage-deflate from a compressor with a 32 KiB one, and
    // a server_max_window_bits=15 accepted went unanswered (RFC 7692 §7.1.2.1).
    @Test
    void anExtensionChosenByNameIsNegotiatedWithTheClientsParameters() throws Exception {
        ServerEndpointConfig config = config(new ServerEndpointConfig.Configurator() {
            @Override
            public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                return installed;
            }
        });
        ServletFakes.RecordedResponse small = handshake(config, Map.of("Sec-WebSocket-Extensions",
                List.of("permessage-deflate; server_max_window_bits=10")));
        assertEquals(101, small.status);
        assertEquals(List.of(), small.header("Sec-WebSocket-Extensions"), "a window we cannot keep to is declined");

        ServletFakes.RecordedResponse full = handshake(config, Map.of("Sec-WebSocket-Extensions",
                List.of("permessage-deflate; server_max_window_bits=15")));
        String answer = String.join(",", full.header("Sec-WebSocket-Extensions"));
        assertTrue(answer.startsWith("permessage-deflate") && answer.contains("server_max_window_bits=15"), answer);
    }

    /** The RFC 6455 §1.3 example: the accept value for the nonce the fake request sends. */
    private static final class RawAccept {
        static final String FOR_SAMPLE_NONCE = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    }
}
