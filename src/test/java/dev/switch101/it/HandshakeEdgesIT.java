package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.it.fixtures.GreetingHandler;
import dev.switch101.it.fixtures.NoopExtension;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawHttp.Response;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Handshake;

/**
 * Handshake edges a hostile or broken client reaches (issue 12), on the raw socket, in each
 * container: malformed targets get 400 with one line and are logged at most once a minute, the
 * path is matched decoded (path parameters dropped, dot and empty segments never matching),
 * Origin compares the scheme, Host is one authority, and forwarding headers from a peer that is
 * not a configured proxy change nothing. {@link ProxiedHandshakeIT} covers the configured proxy
 * and the Host allow-list.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakeEdgesIT extends DeployedTarget {

    private Handshake handshake(String relativePath) {
        return Handshake.to(base(), relativePath);
    }

    // RFC 3986 §2.1: "%zz" is no escape. Issue 12: Tomcat answered 500 and logged a stack trace per
    // request. Now Tomcat lets it through to our filter, which answers 400 with one line; Undertow
    // (WildFly) refuses it with its own 400 first.
    @Test
    void malformedQueryIsRefusedWith400() throws IOException {
        assertBadRequest(RawHttp.exchange(base(), handshake("echo?a=%zz").toRequest()), "bad percent-escape in the query");
    }

    // RFC 3986 §2.1 in the path: a bad escape, an encoded '/' (the engine's decision, README), bytes
    // that are not UTF-8: 400 — ours with one line where the container lets it through (WildFly),
    // the container's own otherwise (Tomcat); never a 500, never an upgrade.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ec%zzho", "echo%", "a%2Fb", "echo/%C0%AF"})
    void malformedPathIsRefusedWith400(String path) throws IOException {
        assertBadRequest(RawHttp.exchange(base(), handshake(path).toRequest()), null);
    }

    // Issue 12: at most once per cause per minute, so a client cannot flood the log. Every cause that
    // reached our filter (which ones do depends on the container, see above) is logged exactly once:
    // this class's requests are all within a minute of the first one (the deployment is fresh).
    @Test
    void malformedTargetsAreLoggedAtMostOncePerMinute() throws IOException {
        int ours = 0;
        for (String[] kind : new String[][] {{"echo?a=%zz&n=", "bad percent-escape in the query"},
                {"echo/%C0%AF?n=", "the path is not UTF-8"}}) {
            int refusedByUs = 0;
            for (int i = 0; i < 20; i++) {
                Response response = RawHttp.exchange(base(), handshake(kind[0] + i).toRequest());
                assertEquals(400, response.status(), response.statusLine());
                refusedByUs += response.body().startsWith("Malformed request target: ") ? 1 : 0;
            }
            ours += refusedByUs;
            String cause = "Malformed request target: " + kind[1];
            Response records = RawHttp.exchange(base(), RawHttp.get(base().getPath() + "it/log-records?contains="
                    + URLEncoder.encode(cause, StandardCharsets.UTF_8)));
            assertEquals("records " + (refusedByUs > 0 ? 1 : 0), records.body().strip(),
                    "log lines for '" + kind[1] + "' after " + refusedByUs + " of our refusals");
        }
        assertTrue(ours > 0, "some of these requests must reach the engine, or this test shows nothing");
    }

    // RFC 3986 §3.3, Servlet 6.0 §3.5.2: path parameters such as ;jsessionid are not part of the
    // path matched (issue 12: the endpoint answered 404).
    @Test
    void pathParametersDoNotKeepARequestFromItsEndpoint() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake("echo;jsessionid=0123456789ABCDEF"))) {
            ws.sendText("with a session id");
            assertEquals("with a session id", ws.readText());
        }
    }

    // RFC 3986 §2.3: an escaped unreserved character is the character; the path is matched decoded.
    @Test
    void percentEncodedPathMatchesItsDecodedForm() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake("%65cho"))) {
            ws.sendText("decoded");
            assertEquals("decoded", ws.readText());
        }
    }

    // A template may end in '/', a segment of its own; the request path with that trailing '/' was
    // refused as not normal, so such an endpoint could never be reached (404). "/greet" and
    // "/greet/" are two endpoints, each found by its own path only.
    @Test
    void templateWithATrailingSlashIsReachedByThatPathOnly() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "greet/")) {
            assertEquals("/greet/", ws.readText());
        }
        try (RawWebSocket ws = RawWebSocket.connect(base(), "greet")) {
            assertEquals(GreetingHandler.GREETING, ws.readText());
        }
    }

    // HandshakeInfo.headers(): an endpoint that keeps the request headers (AcceptedHandshake
    // .keepRequestHeaders) sees them for the connection's life, names in lower case; by default
    // they are dropped after the 101, so that an idle connection holds little.
    @Test
    void requestHeadersAreKeptOnlyWhenTheEndpointAsks() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake("request-headers").set("X-Probe", "kept"))) {
            assertEquals("[kept]", ws.readText());
        }
        try (RawWebSocket ws = RawWebSocket.connect(base(),
                handshake("request-headers-dropped").set("X-Probe", "kept"))) {
            assertEquals("null", ws.readText());
        }
    }

    // WebSocketServer.addExtension: the application's own extension (NoopExtension) is negotiated
    // like the engine's: answered with the parameters it accepted, and frames go through.
    @Test
    void anExtensionOfTheApplicationsOwnIsNegotiated() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), handshake("echo")
                .set("Sec-WebSocket-Extensions", NoopExtension.NAME + "; mode=quiet"))) {
            assertEquals(List.of(NoopExtension.NAME + "; mode=quiet"),
                    ws.handshakeResponse().headers("Sec-WebSocket-Extensions"));
            ws.sendText("through");
            assertEquals("through", ws.readText());
        }
    }

    // RFC 3986 §5.2.4: dot-segments, raw or encoded, and empty segments other than a trailing one
    // never match an endpoint; "/echo/" is not "/echo" (the container's ordinary answer instead,
    // never a 500).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"./echo", "x/../echo", "%2e/echo", "x/%2e%2e/echo", "/echo", "echo/", "echo//"})
    void dotAndEmptySegmentsNeverMatch(String path) throws IOException {
        Response response = RawHttp.exchange(base(), handshake(path).toRequest());
        assertNotEquals(101, response.status(), response.statusLine());
        assertTrue(response.status() < 500, () -> response.statusLine() + " " + response.body());
    }

    // RFC 6454 §5: same scheme, host and port. The page here is served over http: an https Origin
    // with the same host and port is another origin (issue 12: the scheme was ignored).
    @Test
    void originWithAnotherSchemeIsRefusedWith403() throws IOException {
        String authority = base().getHost() + ":" + base().getPort();
        assertEquals(101, RawHttp.exchange(base(), handshake("echo").set("Origin", "http://" + authority).toRequest()).status());
        Response response = RawHttp.exchange(base(), handshake("echo").set("Origin", "https://" + authority).toRequest());
        assertEquals(403, response.status(), response.statusLine());
    }

    // RFC 9110 §7.2 / RFC 9112 §3.2: exactly one Host with one authority; two (a list, or two
    // lines) is a 400 — the container's or ours (issue 12: "Host: a,b" was accepted).
    @Test
    void hostWithTwoAuthoritiesIsRefusedWith400() throws IOException {
        String authority = base().getHost() + ":" + base().getPort();
        Response list = RawHttp.exchange(base(), handshake("echo").set("Host", authority + ",evil.example").toRequest());
        assertEquals(400, list.status(), list.statusLine());
        Response twice = RawHttp.exchange(base(), handshake("echo").add("Host", "evil.example").toRequest());
        assertEquals(400, twice.status(), twice.statusLine());
    }

    // RFC 7239 §8.1: forwarding headers are the client's claim unless a configured proxy sent them;
    // this deployment trusts no proxy, so they change nothing.
    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws IOException {
        Response response = RawHttp.exchange(base(), handshake("echo")
                .set("Origin", "https://chat.example")
                .set("Forwarded", "proto=https;host=chat.example")
                .set("X-Forwarded-Proto", "https")
                .set("X-Forwarded-Host", "chat.example").toRequest());
        assertEquals(403, response.status(), response.statusLine());
    }

    // RFC 6455 §4.2.2 item 5.4: the accept value is computed from the key the server checked. "key,"
    // and a blank key line before the key's pass the checks; the accept was computed from the raw
    // header value, so the client failed a handshake after the server had opened the endpoint.
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"%s,", " , %s"})
    void keyInAListWithAnEmptyElementGetsTheAcceptOfTheKey(String form) throws IOException {
        Handshake request = handshake("echo");
        // connect asserts the 101 and the accept value of the key itself
        try (RawWebSocket ws = RawWebSocket.connect(base(),
                request.set("Sec-WebSocket-Key", String.format(form, request.key())))) {
            ws.sendText("after a listed key");
            assertEquals("after a listed key", ws.readText());
        }
    }

    /**
     * A 400: ours (text/plain, exactly the one line naming {@code cause}, when given) or the
     * container's; never with a stack trace.
     */
    static void assertBadRequest(Response response, String cause) {
        assertEquals(400, response.status(), () -> response.statusLine() + " " + response.body());
        String body = response.body().strip();
        assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
        if (body.startsWith("Malformed request target: ")) {
            assertTrue(isPlainText(response), "text/plain: " + response.header("Content-Type"));
            assertFalse(body.contains("\n"), "one line: " + body);
            if (cause != null) {
                assertEquals("Malformed request target: " + cause, body);
            }
        }
    }

    private static boolean isPlainText(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain");
    }
}
