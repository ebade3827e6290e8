package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // RFC 3986 §2.1: "%zz" is no escape. Issue 12: Tomcat answered 500 and logged a stack trace per request.
    @Test
    void malformedQueryIsRefusedWith400AndOneLine() throws IOException {
        Response response = Exchange.of(base(), handshake("echo?a=%zz").toRequest());
        assertOurBadRequest(response, "bad percent-escape in the query");
    }

    // RFC 3986 §2.1 in the path: a bad escape or an encoded '/' (the engine's decision, README) is a
    // 400 — the container's own, or ours with one line; never a 500, never an upgrade.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ec%zzho", "echo%", "a%2Fb", "echo/%C0%AF"})
    void malformedPathIsRefusedWith400(String path) throws IOException {
        Response response = Exchange.of(base(), handshake(path).toRequest());
        assertEquals(400, response.status(), () -> response.statusLine() + " " + response.body());
        if (isPlainText(response)) {
            String body = response.body().strip();
            assertFalse(body.contains("\n") || body.contains("Exception"), "one line, no stack trace: " + body);
        }
    }

    // Issue 12: at most once per cause per minute, so a client cannot flood the log. Every request
    // of this class is well within the minute after the first one logged (the deployment is fresh).
    @Test
    void malformedTargetsAreLoggedAtMostOncePerMinute() throws IOException {
        for (int i = 0; i < 20; i++) {
            assertEquals(400, Exchange.of(base(), handshake("echo?n=" + i + "&a=%zz").toRequest()).status());
        }
        String cause = "Malformed request target: bad percent-escape in the query";
        Response records = Exchange.of(base(), RawHttp.get(base().getPath() + "it/log-records?contains="
                + URLEncoder.encode(cause, StandardCharsets.UTF_8)));
        assertEquals("records 1", records.body().strip(), "log lines naming the cause");
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

    // RFC 3986 §5.2.4: dot-segments, raw or encoded, and empty segments never match an endpoint
    // (the container's ordinary answer instead, never a 500).
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"./echo", "x/../echo", "%2e/echo", "x/%2e%2e/echo", "/echo", "echo/", "echo//"})
    void dotAndEmptySegmentsNeverMatch(String path) throws IOException {
        Response response = Exchange.of(base(), handshake(path).toRequest());
        assertNotEquals(101, response.status(), response.statusLine());
        assertTrue(response.status() < 500, () -> response.statusLine() + " " + response.body());
    }

    // RFC 6454 §5: same scheme, host and port. The page here is served over http: an https Origin
    // with the same host and port is another origin (issue 12: the scheme was ignored).
    @Test
    void originWithAnotherSchemeIsRefusedWith403() throws IOException {
        String authority = base().getHost() + ":" + base().getPort();
        assertEquals(101, Exchange.of(base(), handshake("echo").set("Origin", "http://" + authority).toRequest()).status());
        Response response = Exchange.of(base(), handshake("echo").set("Origin", "https://" + authority).toRequest());
        assertEquals(403, response.status(), response.statusLine());
    }

    // RFC 9110 §7.2 / RFC 9112 §3.2: exactly one Host with one authority; two (a list, or two
    // lines) is a 400 — the container's or ours (issue 12: "Host: a,b" was accepted).
    @Test
    void hostWithTwoAuthoritiesIsRefusedWith400() throws IOException {
        String authority = base().getHost() + ":" + base().getPort();
        Response list = Exchange.of(base(), handshake("echo").set("Host", authority + ",evil.example").toRequest());
        assertEquals(400, list.status(), list.statusLine());
        Response twice = Exchange.of(base(), handshake("echo").add("Host", "evil.example").toRequest());
        assertEquals(400, twice.status(), twice.statusLine());
    }

    // RFC 7239 §8.1: forwarding headers are the client's claim unless a configured proxy sent them;
    // this deployment trusts no proxy, so they change nothing.
    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws IOException {
        Response response = Exchange.of(base(), handshake("echo")
                .set("Origin", "https://chat.example")
                .set("Forwarded", "proto=https;host=chat.example")
                .set("X-Forwarded-Proto", "https")
                .set("X-Forwarded-Host", "chat.example").toRequest());
        assertEquals(403, response.status(), response.statusLine());
    }

    /** Our refusal: 400, text/plain, the one line naming the cause. */
    static void assertOurBadRequest(Response response, String cause) {
        assertEquals(400, response.status(), () -> response.statusLine() + " " + response.body());
        assertTrue(isPlainText(response), "text/plain: " + response.header("Content-Type"));
        assertEquals("Malformed request target: " + cause, response.body().strip());
    }

    private static boolean isPlainText(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain");
    }
}
