package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private static HandshakeRequest request(String host, String origin, boolean secure) {
        return RequestSpec.valid().secure(secure).set("Host", host).set("Origin", origin).build();
    }

    // RFC 6454 §5: same scheme-default port and host, case-insensitively.
    @Test
    void SameOriginIsAccepted() {
        assertTrue(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://server.example.com", false)));
        assertTrue(OriginPolicy.sameOrigin().permits(request("Server.Example.COM", "HTTP://server.EXAMPLE.com", false)));
    }

    // RFC 6454 §4: default ports are filled in on both sides (443 for https and for a secure request).
    @Test
    void DefaultPortsAreFilledIn() {
        assertTrue(OriginPolicy.sameOrigin().permits(request("server.example.com", "https://server.example.com:443", true)));
        assertTrue(OriginPolicy.sameOrigin().permits(request("server.example.com:443", "https://server.example.com", true)));
        assertTrue(OriginPolicy.sameOrigin().permits(request("server.example.com:80", "http://server.example.com", false)));
    }

    // RFC 6454 §5: a different port is a different origin.
    @Test
    void DifferentPortIsForeign() {
        assertFalse(OriginPolicy.sameOrigin().permits(request("localhost:8080", "http://localhost:3000", false)));
        assertTrue(OriginPolicy.sameOrigin().permits(request("localhost:8080", "http://localhost:8080", false)));
        // http page (port 80) against a secure request to the default https port 443
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://server.example.com", true)));
    }

    // RFC 6455 §10.2: a page from another host must not open the socket.
    @Test
    void ForeignOriginIsRefused() {
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://evil.example", false)));
        // a suffix match is not a match
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://server.example.com.evil.example", false)));
    }

    // RFC 3986 §3.2.2: IPv6 literals keep their colons inside brackets.
    @Test
    void Ipv6LiteralHostIsCompared() {
        assertTrue(OriginPolicy.sameOrigin().permits(request("[::1]:8080", "http://[::1]:8080", false)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("[::1]:8080", "http://[::2]:8080", false)));
    }

    // RFC 6454 §7.1 / RFC 6455 §4.2.2: non-browser clients send no Origin and are allowed by default.
    @Test
    void NoOriginIsAcceptedByDefault() {
        assertTrue(OriginPolicy.sameOrigin().permits(RequestSpec.valid().without("Origin").build()));
    }

    // requireOrigin turns the missing Origin into a refusal.
    @Test
    void NoOriginIsRefusedWhenRequired() {
        assertFalse(OriginPolicy.sameOrigin().requireOrigin(true).permits(RequestSpec.valid().without("Origin").build()));
        assertTrue(OriginPolicy.sameOrigin().requireOrigin(true).permits(RequestSpec.valid().build()));
    }

    // Allow-list entries are exact origins, normalized (case, default port).
    @Test
    void AllowListedOriginIsAccepted() {
        OriginPolicy policy = OriginPolicy.sameOrigin().allow(List.of("https://App.Example:443", "http://localhost:3000"));
        assertTrue(policy.permits(request("server.example.com", "https://app.example", false)));
        assertTrue(policy.permits(request("server.example.com", "http://localhost:3000", false)));
        assertFalse(policy.permits(request("server.example.com", "http://app.example", false)));
        assertFalse(policy.permits(request("server.example.com", "http://localhost:3001", false)));
        // the allow-list adds to same-origin, it does not replace it
        assertTrue(policy.permits(request("server.example.com", "http://server.example.com", false)));
    }

    // allow() returns a new policy: the default is not widened behind anyone's back.
    @Test
    void PoliciesAreImmutable() {
        OriginPolicy base = OriginPolicy.sameOrigin();
        base.allow(List.of("http://evil.example")).requireOrigin(true);
        assertFalse(base.permits(request("server.example.com", "http://evil.example", false)));
        assertTrue(base.permits(RequestSpec.valid().without("Origin").build()));
    }

    // "*" allows any origin.
    @Test
    void WildcardAllowsAnyOrigin() {
        assertTrue(OriginPolicy.sameOrigin().allow(List.of("*")).permits(request("server.example.com", "http://evil.example", false)));
    }

    // RFC 6454 §6.2: "null" (opaque origin) is refused unless allow-listed explicitly, even with "*".
    @Test
    void NullOriginIsRefusedUnlessAllowListed() {
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "null", false)));
        assertFalse(OriginPolicy.sameOrigin().allow(List.of("*")).permits(request("server.example.com", "null", false)));
        assertTrue(OriginPolicy.sameOrigin().allow(List.of("null")).permits(request("server.example.com", "null", false)));
    }

    // RFC 6454 §7.3: a user agent sends at most one Origin; two are ambiguous and refused.
    @Test
    void RepeatedOriginIsRefused() {
        HandshakeRequest request = RequestSpec.valid()
                .set("Origin", "http://server.example.com", "http://evil.example").build();
        assertFalse(OriginPolicy.sameOrigin().permits(request));
    }

    // RFC 6454 §6.2: an origin has no path, userinfo or garbage.
    @Test
    void MalformedOriginIsRefused() {
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://server.example.com/", false)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://x@server.example.com", false)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "server.example.com", false)));
    }

    // Same-origin is an http(s) notion; other schemes (browser extensions) must be allow-listed.
    @Test
    void NonHttpOriginNeedsAllowList() {
        HandshakeRequest fromExtension = request("server.example.com", "chrome-extension://abcdef", false);
        assertFalse(OriginPolicy.sameOrigin().permits(fromExtension));
        // same host and port, but not a page's origin: still not "same origin"
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "ftp://server.example.com:80", false)));
        assertTrue(OriginPolicy.sameOrigin().allow(List.of("chrome-extension://abcdef")).permits(fromExtension));
    }

    // A context-param value separated by commas and/or whitespace.
    @Test
    void FromConfigParsesCommaAndWhitespaceSeparatedList() {
        OriginPolicy policy = OriginPolicy.fromConfig(" https://a.example,\n http://localhost:3000  http://b.example ,", true);
        assertTrue(policy.permits(request("server.example.com", "https://a.example", false)));
        assertTrue(policy.permits(request("server.example.com", "http://localhost:3000", false)));
        assertTrue(policy.permits(request("server.example.com", "http://b.example", false)));
        assertFalse(policy.permits(request("server.example.com", "http://c.example", false)));
        assertFalse(policy.permits(RequestSpec.valid().without("Origin").build()));
    }

    // A blank or absent config is the secure default.
    @Test
    void FromConfigBlankIsSameOrigin() {
        assertFalse(OriginPolicy.fromConfig("  ", false).permits(request("server.example.com", "http://evil.example", false)));
        assertTrue(OriginPolicy.fromConfig(null, false).permits(RequestSpec.valid().without("Origin").build()));
    }

    // A typo in the allow-list fails at configuration time instead of refusing every browser silently.
    @Test
    void MalformedAllowListEntryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.fromConfig("https://a.example/path", false));
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.sameOrigin().allow(List.of("a.example")));
    }

    // RFC 6454 §5: two origins are the same only if scheme, host and port are all equal: a page
    // over https is not http://host:443 (issue 12: the scheme was ignored).
    @Test
    void SchemeIsComparedNotOnlyHostAndPort() {
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com", "http://server.example.com:443", true)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com:443", "http://server.example.com:443", true)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com:80", "https://server.example.com:80", false)));
        assertFalse(OriginPolicy.sameOrigin().permits(request("server.example.com:8080", "ws://server.example.com:8080", false)));
        assertTrue(OriginPolicy.sameOrigin().permits(request("server.example.com:8443", "https://server.example.com:8443", true)));
    }

    private static final TrustedProxies PROXY = TrustedProxies.parse("10.0.0.0/8, ::1");

    private static HandshakeRequest proxied(String peer, String origin, String... forwarded) {
        RequestSpec spec = RequestSpec.valid().remote(peer).secure(false).set("Host", "backend:8080").set("Origin", origin);
        for (int i = 0; i < forwarded.length; i += 2) {
            spec.set(forwarded[i], forwarded[i + 1]);
        }
        return spec.build();
    }

    // RFC 7239 §4 / §8.1: Forwarded tells the client's scheme and host, but only a proxy we trust
    // may say so; from any other peer the header is the client's own claim and is ignored.
    @Test
    void ForwardedIsBelievedOnlyFromTrustedProxies() {
        OriginPolicy policy = OriginPolicy.sameOrigin().trustProxies(PROXY);
        assertTrue(policy.permits(proxied("10.1.2.3", "https://chat.example", "Forwarded", "for=1.2.3.4;proto=https;host=chat.example")));
        assertTrue(policy.permits(proxied("::1", "https://chat.example", "Forwarded", "proto=https;host=\"chat.example\"")));
        assertFalse(policy.permits(proxied("192.168.0.9", "https://chat.example", "Forwarded", "proto=https;host=chat.example")));
        assertFalse(OriginPolicy.sameOrigin().permits(proxied("10.1.2.3", "https://chat.example", "Forwarded", "proto=https;host=chat.example")));
        // Not forwarded: the proxy's own view counts.
        assertTrue(policy.permits(proxied("10.1.2.3", "http://backend:8080")));
        assertFalse(policy.permits(proxied("10.1.2.3", "http://backend:8080", "Forwarded", "proto=https;host=chat.example")));
    }

    // The de-facto X-Forwarded-Proto / X-Forwarded-Host, when there is no Forwarded; a proxy may say wss.
    @Test
    void XForwardedHeadersAreBelievedOnlyFromTrustedProxies() {
        OriginPolicy policy = OriginPolicy.sameOrigin().trustProxies(PROXY);
        assertTrue(policy.permits(proxied("10.0.0.1", "https://chat.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "chat.example")));
        assertTrue(policy.permits(proxied("10.0.0.1", "https://backend:8080", "X-Forwarded-Proto", "wss")));
        assertFalse(policy.permits(proxied("172.16.0.1", "https://chat.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "chat.example")));
    }

    // RFC 7239 §4: each proxy appends; only the last element is the trusted proxy's own, earlier
    // ones may be the client's forgery.
    @Test
    void OnlyTheLastForwardedElementCounts() {
        OriginPolicy policy = OriginPolicy.sameOrigin().trustProxies(PROXY);
        HandshakeRequest forged = proxied("10.0.0.1", "https://evil.example",
                "Forwarded", "proto=https;host=evil.example, proto=https;host=chat.example");
        assertFalse(policy.permits(forged));
        assertTrue(policy.permits(proxied("10.0.0.1", "https://chat.example",
                "Forwarded", "proto=https;host=evil.example, proto=https;host=chat.example")));
        assertTrue(policy.permits(proxied("10.0.0.1", "https://chat.example",
                "X-Forwarded-Host", "evil.example, chat.example", "X-Forwarded-Proto", "http, https")));
    }

    // A trusted proxy's header that cannot be read gives no page origin: nothing is same-origin.
    @Test
    void UnreadableForwardedFromTrustedProxyIsNoOrigin() {
        OriginPolicy policy = OriginPolicy.sameOrigin().trustProxies(PROXY);
        assertFalse(policy.permits(proxied("10.0.0.1", "http://backend:8080", "Forwarded", "proto")));
        assertFalse(policy.permits(proxied("10.0.0.1", "http://backend:8080", "Forwarded", "proto=gopher")));
        assertFalse(policy.permits(proxied("10.0.0.1", "https://a,b", "Forwarded", "proto=https;host=\"a,b\"")));
    }
}
