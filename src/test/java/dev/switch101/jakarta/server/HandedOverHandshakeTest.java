package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code upgradeHttpToWebSocket}: a request handed over by the application has not passed the
 * UpgradeFilter, so the handshake itself refuses what the filter keeps from the WebSocket
 * protocol (400 with a one-line reason), and answers with the accept value of the key it checked.
 */
class HandedOverHandshakeTest {

    /** RFC 6455 §1.3: the accept value for the sample nonce {@code dGhlIHNhbXBsZSBub25jZQ==}. */
    private static final String SAMPLE_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private final EngineServerContainer container = EngineServerContainer.of(ServletFakes.context());

    private ServletFakes.RecordedResponse upgrade(HttpServletRequest request) throws Exception {
        ServletFakes.RecordedResponse response = new ServletFakes.RecordedResponse();
        ServerEndpointConfig config = ServerEndpointConfig.Builder
                .create(ConfiguratorHandshakeTest.Probe.class, "/rooms/{room}").build();
        container.upgradeHttpToWebSocket(request, response.proxy, config, Map.of("room", "lobby"));
        return response;
    }

    private static void assertRefused(ServletFakes.RecordedResponse response, String reason) {
        assertEquals(400, response.status);
        String body = response.body.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains(reason), body);
    }

    @ParameterizedTest(name = "Upgrade: \"{0}\"")
    @ValueSource(strings = {"", "h2c"})
    void aRequestThatDoesNotAskForWebSocketWasUpgradedAnyway(String upgrade) throws Exception {
        List<String> values = upgrade.isEmpty() ? List.of() : List.of(upgrade);
        assertRefused(upgrade(ServletFakes.handshake("/rooms/lobby", null, Map.of("Upgrade", values))),
                "Upgrade header must contain websocket");
    }

    @Test
    void anHttp2RequestWasAcceptedAsIfItsConnectionCouldSwitch() throws Exception {
        assertRefused(upgrade(ServletFakes.handshake("/rooms/lobby", null, Map.of(), "HTTP/2.0")), "HTTP/1.1");
    }

    @Test
    void aMalformedTargetEscapedAsAnExceptionInsteadOfA400() throws Exception {
        assertRefused(upgrade(ServletFakes.handshake("/rooms/%zz", null, Map.of())), "Malformed request target");
    }

    // The validator takes the key out of a list and drops empty elements; the accept value was
    // computed from the raw first header value, so the client failed a handshake the server took
    // for done (its endpoint opened).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dGhlIHNhbXBsZSBub25jZQ==,", " , dGhlIHNhbXBsZSBub25jZQ==", "|dGhlIHNhbXBsZSBub25jZQ=="})
    void aKeyInAListWithAnEmptyElementWasAnsweredWithTheAcceptOfTheRawHeader(String key) throws Exception {
        // "|" separates header lines: a blank Sec-WebSocket-Key line, then the key's.
        List<String> lines = List.of(key.split("\\|", -1));
        ServletFakes.RecordedResponse response = upgrade(
                ServletFakes.handshake("/rooms/lobby", null, Map.of("Sec-WebSocket-Key", lines)));
        assertEquals(101, response.status);
        assertEquals(List.of(SAMPLE_ACCEPT), response.header("Sec-WebSocket-Accept"));
    }
}
