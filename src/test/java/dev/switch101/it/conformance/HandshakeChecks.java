package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawHttp.Response;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Handshake;

/**
 * RFC 6455 §4.1-§4.4: the opening handshake, as the server must answer it, checked on the raw
 * bytes. Only portable facts are asserted: status codes, header presence and values, and the
 * engine's one-line text/plain error bodies - never reason phrases or container headers.
 */
public abstract class HandshakeChecks extends DeployedTarget {

    /** An endpoint whose application handshake hook throws. */
    public static final String BROKEN_HANDSHAKE_PATH = "echo-broken-handshake";

    private static final String EVIL_ORIGIN = "http://evil.example";

    /**
     * Whether Host-less requests reach the application at all. Some containers (WildFly) reject them
     * with their own 400 first; then only "400, never 101" can be asserted.
     */
    protected boolean hostlessRequestsReachTheApplication() {
        return true;
    }

    /** The endpoint whose handshakes are checked, relative to the deployment URL. */
    protected String endpointPath() {
        return EchoConformance.ECHO_PATH;
    }

    private Handshake handshake() {
        return Handshake.to(base(), endpointPath());
    }

    // §4.2.2 item 5: 101, Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Accept; §4.2.2 /
    // §4.4: Sec-WebSocket-Version only on a failed version negotiation; no subprotocol or extension
    // headers when none were offered. The connection then works.
    @Test
    public void validHandshakeIsAcceptedWith101() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake())) {
            Response response = ws.handshakeResponse();
            assertUpgradedToWebSocket(response);
            assertEquals(1, response.headers("Sec-WebSocket-Accept").size(), "Sec-WebSocket-Accept exactly once");
            assertEquals(List.of(), response.headers("Sec-WebSocket-Version"), "no Sec-WebSocket-Version in a 101");
            assertEquals(List.of(), response.headers("Sec-WebSocket-Protocol"), "no subprotocol when none offered");
            assertEquals(List.of(), response.headers("Sec-WebSocket-Extensions"), "no extension when none offered");
            ws.sendText("hello");
            assertEquals("hello", ws.readText());
        }
    }

    // §4.1 item 2: "The method of the request MUST be GET".
    @Test
    public void postIsRejectedWith400() throws IOException {
        assertBadRequest(exchange(handshake().method("POST")), "GET");
    }

    // §4.1 item 2: "the HTTP version MUST be at least 1.1".
    @Test
    public void http10IsRejectedWith400() throws IOException {
        assertBadRequest(exchange(handshake().version("HTTP/1.0")), "HTTP");
    }

    // §4.1 item 4: "The request MUST contain a |Host| header field".
    @Test
    public void missingHostIsRejectedWith400() throws IOException {
        Response response = exchange(handshake().remove("Host"));
        if (hostlessRequestsReachTheApplication()) {
            assertBadRequest(response, "Host");
        } else {
            assertEquals(400, response.status(), response.statusLine());
        }
    }

    // §4.1 item 6: "|Connection| header field that includes the token 'Upgrade'".
    @Test
    public void connectionWithoutUpgradeTokenIsRejectedWith400() throws IOException {
        assertBadRequest(exchange(handshake().set("Connection", "keep-alive")), "Connection");
    }

    // §4.1 item 7: Sec-WebSocket-Key is required.
    @Test
    public void missingKeyIsRejectedWith400() throws IOException {
        assertBadRequest(exchange(handshake().remove("Sec-WebSocket-Key")), "Sec-WebSocket-Key");
    }

    // §4.1 item 7: the key "MUST be a nonce consisting of a randomly selected 16-byte value that has
    // been base64-encoded"; §4.2.1 item 5 makes the server check it: not base64, 15 or 17 bytes, empty.
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"not base64 at all!", "AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA=", ""})
    public void keyThatIsNotBase64Of16BytesIsRejectedWith400(String key) throws IOException {
        assertBadRequest(exchange(handshake().set("Sec-WebSocket-Key", key)), "Sec-WebSocket-Key");
    }

    // §11.3.1: "The |Sec-WebSocket-Key| header field MUST NOT appear more than once in an HTTP request."
    @Test
    public void duplicatedKeyIsRejectedWith400() throws IOException {
        assertBadRequest(exchange(handshake().add("Sec-WebSocket-Key", RawWebSocket.newKey())), "Sec-WebSocket-Key");
    }

    // §4.2.2 / §4.4: an unsupported version is answered with the versions the server speaks (426 is
    // the status of the RFC's example); the engine treats a missing version the same way.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"8", "missing"})
    public void unsupportedOrMissingVersionIsRejectedWith426(String version) throws IOException {
        Handshake request = version.equals("missing")
                ? handshake().remove("Sec-WebSocket-Version")
                : handshake().set("Sec-WebSocket-Version", version);
        Response response = exchange(request);
        assertEquals(426, response.status(), response.statusLine());
        List<String> offered = response.headers("Sec-WebSocket-Version").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
        assertEquals(List.of("13"), offered, "Sec-WebSocket-Version in the 426");
    }

    // §4.2.2 item 4 and §10.2: a server may refuse an Origin it does not accept with 403.
    @Test
    public void foreignOriginIsRejectedWith403() throws IOException {
        Response response = exchange(handshake().set("Origin", EVIL_ORIGIN));
        assertEquals(403, response.status(), response.statusLine());
        assertTrue(response.body().contains("Origin"), "body names the Origin: " + response.body());
    }

    // §10.2: the page's own origin (scheme, host and port of Host) is accepted.
    @Test
    public void sameOriginIsAccepted() throws IOException {
        String origin = "http://" + base().getHost() + ":" + base().getPort();
        assertUpgradedToWebSocket(exchange(handshake().set("Origin", origin)));
    }

    // §4.1: Origin is only sent by browser clients; without it the handshake is accepted.
    @Test
    public void missingOriginIsAccepted() throws IOException {
        assertUpgradedToWebSocket(exchange(handshake().remove("Origin")));
    }

    // §4.2.1 and RFC 7230 §3.2: header names are case-insensitive, and so are the Upgrade and
    // Connection tokens (§4.2.1 items 3, 4); Connection may list other tokens.
    @Test
    public void headerNamesAndTokensAreCaseInsensitive() throws IOException {
        Handshake request = handshake()
                .set("upgrade", "WebSocket")
                .set("connection", "keep-alive, Upgrade");
        String key = request.key();
        request.set("sec-websocket-key", key).set("sec-websocket-version", "13");
        Response response = exchange(request);
        assertUpgradedToWebSocket(response);
        assertEquals(List.of(RawWebSocket.acceptFor(key)), response.headers("Sec-WebSocket-Accept"));
    }

    // §4.2.2 item 5.4 and §11.3.4: the server picks one of the offered subprotocols (the engine: the
    // client's first one it supports), offers spread over several header lines counting as one list.
    @Test
    public void firstOfferedSupportedSubprotocolIsChosen() throws IOException {
        Response response = exchange(handshake()
                .add("Sec-WebSocket-Protocol", "chat, echo.v1")
                .add("Sec-WebSocket-Protocol", "echo.v2"));
        assertUpgradedToWebSocket(response);
        assertEquals(List.of("echo.v1"), response.headers("Sec-WebSocket-Protocol"));
    }

    // §4.2.2: "the server [...] MUST NOT" send a subprotocol the client did not offer; with no
    // supported one, the handshake still succeeds, without the header.
    @Test
    public void unsupportedSubprotocolIsAcceptedWithoutOne() throws IOException {
        Response response = exchange(handshake().add("Sec-WebSocket-Protocol", "chat"));
        assertUpgradedToWebSocket(response);
        assertEquals(List.of(), response.headers("Sec-WebSocket-Protocol"));
    }

    // §9.1: the server answers only extensions it supports; an unknown one is simply not accepted.
    @Test
    public void unknownExtensionIsAcceptedWithoutExtensions() throws IOException {
        Response response = exchange(handshake().add("Sec-WebSocket-Extensions", "x-unknown; a=1"));
        assertUpgradedToWebSocket(response);
        assertEquals(List.of(), response.headers("Sec-WebSocket-Extensions"));
    }

    // §4.2.1: a request without Upgrade is not a WebSocket handshake; it gets the ordinary answer.
    @Test
    public void plainGetToTheEndpointIsNotUpgraded() throws IOException {
        Response response = exchange(RawHttp.get(base().getPath() + endpointPath()));
        assertNotEquals(101, response.status(), response.statusLine());
    }

    // The engine leaves ordinary requests alone: the page is still served.
    @Test
    public void plainGetToThePageIs200() throws IOException {
        Response response = exchange(RawHttp.get(base().getPath()));
        assertEquals(200, response.status(), response.statusLine());
    }

    // RFC 7230 §6.7: Upgrade lists protocols; the server switches to one it supports, and says which.
    @Test
    public void upgradeListingWebSocketAmongOthersIsAccepted() throws IOException {
        assertUpgradedToWebSocket(exchange(handshake().set("Upgrade", "foo/2, websocket")));
    }

    // RFC 7230 §6.7: an upgrade to a protocol nobody here speaks is ignored: the ordinary answer.
    @Test
    public void upgradeToAnotherProtocolOnlyIsNotUpgraded() throws IOException {
        Response response = exchange(handshake().set("Upgrade", "foo/2"));
        assertNotEquals(101, response.status(), response.statusLine());
    }

    // An exception in the application's handshake code is a server error, not an upgrade.
    @Test
    public void failingApplicationHandshakeIs500() throws IOException {
        Response response = exchange(Handshake.to(base(), BROKEN_HANDSHAKE_PATH));
        assertEquals(500, response.status(), response.statusLine());
        assertTrue(contentType(response).startsWith("text/plain"), "text/plain body: " + contentType(response));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertUpgradedToWebSocket(Response response) {
        assertEquals(101, response.status(), () -> response.statusLine() + " " + response.body());
        assertTrue("websocket".equalsIgnoreCase(response.header("Upgrade")), "Upgrade: " + response.headers("Upgrade"));
        boolean upgradeToken = response.headers("Connection").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(token -> token.trim().equalsIgnoreCase("Upgrade"));
        assertTrue(upgradeToken, "Connection: " + response.headers("Connection"));
    }

    /** 400 with a one-line text/plain body that names what was wrong. */
    private static void assertBadRequest(Response response, String named) {
        assertEquals(400, response.status(), () -> response.statusLine() + " " + response.body());
        assertTrue(contentType(response).startsWith("text/plain"), "text/plain body: " + contentType(response));
        String body = response.body().strip();
        assertFalse(body.isEmpty() || body.contains("\n"), "a one-line body: " + response.body());
        assertTrue(body.contains(named), "the body names " + named + ": " + body);
    }

    private static String contentType(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    private Response exchange(Handshake handshake) throws IOException {
        return exchange(handshake.toRequest());
    }

    /** One request on a fresh connection; the whole response, whatever its body framing. */
    private Response exchange(String request) throws IOException {
        return RawHttp.exchange(base(), request);
    }
}
