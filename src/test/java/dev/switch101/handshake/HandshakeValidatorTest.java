package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandshakeValidatorTest {

    private final HandshakeValidator validator = new HandshakeValidator(OriginPolicy.sameOrigin());

    private Refusal refusalOf(RequestSpec spec) {
        Optional<Refusal> refusal = validator.validate(spec.build());
        assertTrue(refusal.isPresent(), "expected a refusal");
        return refusal.get();
    }

    private void assertRefused(RequestSpec spec, int status, String reason) {
        Refusal refusal = refusalOf(spec);
        assertEquals(status, refusal.status());
        assertEquals(reason, refusal.reason());
    }

    // RFC 6455 §1.2 / §4.2.1: the example handshake passes every rule.
    @Test
    void RfcExampleRequestIsAccepted() {
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().build()));
    }

    // RFC 6455 §4.2.1 item 1: "An HTTP/1.1 or higher GET request".
    @Test
    void PostUpgradeIsRefusedWith400() {
        assertRefused(RequestSpec.valid().method("POST"), 400, "WebSocket upgrade requires GET");
    }

    // RFC 9110 §9.1: methods are case-sensitive, so "get" is not GET.
    @Test
    void LowerCaseGetIsRefusedWith400() {
        assertRefused(RequestSpec.valid().method("get"), 400, "WebSocket upgrade requires GET");
    }

    // RFC 6455 §4.2.1 item 1: HTTP/1.1 or higher; HTTP/1.0 has no Upgrade mechanism to rely on.
    @Test
    void Http10IsRefusedWith400() {
        assertRefused(RequestSpec.valid().protocol("HTTP/1.0"), 400, "WebSocket upgrade requires HTTP/1.1 or later");
    }

    // RFC 6455 §4.2.1 item 1: "or higher".
    @Test
    void LaterHttpVersionsPassTheProtocolRule() {
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().protocol("HTTP/1.2").build()));
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().protocol("HTTP/2.0").build()));
    }

    // RFC 9112 §2.3: a protocol string that is not HTTP-version is refused, not guessed at.
    @Test
    void GarbageProtocolIsRefusedWith400() {
        assertRefused(RequestSpec.valid().protocol("HTTP/x.1"), 400, "WebSocket upgrade requires HTTP/1.1 or later");
        assertRefused(RequestSpec.valid().protocol("SPDY/3"), 400, "WebSocket upgrade requires HTTP/1.1 or later");
    }

    // RFC 6455 §4.2.1 item 2: "A |Host| header field containing the server's authority".
    @Test
    void MissingHostIsRefusedWith400() {
        assertRefused(RequestSpec.valid().without("Host"), 400, "Missing or invalid Host header");
    }

    // RFC 9112 §3.2: a request with more than one Host is invalid.
    @Test
    void RepeatedHostIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Host", "server.example.com", "other.example"), 400,
                "Missing or invalid Host header");
    }

    // RFC 6455 §4.2.1 item 2: an empty Host names no authority.
    @Test
    void EmptyHostIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Host", ""), 400, "Missing or invalid Host header");
    }

    // RFC 9110 §7.2: Host carries exactly one authority; in a field value a comma separates list
    // elements, so "a,b" is two hosts (issue 12: it used to pass as one reg-name).
    @Test
    void HostListingTwoAuthoritiesIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Host", "server.example.com,other.example"), 400,
                "Missing or invalid Host header");
        assertRefused(RequestSpec.valid().set("Host", "server.example.com, other.example"), 400,
                "Missing or invalid Host header");
    }

    // RFC 3986 §3.2.2: userinfo, paths and the other sub-delims are not part of a host we answer for.
    @Test
    void HostWithUserinfoPathOrSubDelimsIsRefusedWith400() {
        for (String host : List.of("user@server.example.com", "server.example.com/x", "a;b", "a!b", "[::1", "::1")) {
            assertRefused(RequestSpec.valid().set("Host", host), 400, "Missing or invalid Host header");
        }
    }

    // RFC 9110 §15.5.20 (421: not a host this server answers for), against DNS rebinding: with an
    // allow-list, a Host not on it is refused even when Origin matches it.
    @Test
    void HostNotOnTheAllowListIsRefusedWith421() {
        HandshakeValidator guarded = new HandshakeValidator(OriginPolicy.sameOrigin(),
                HostAllowList.parse("server.example.com, *.example.net, localhost:8080"));
        assertEquals(Optional.empty(), guarded.validate(RequestSpec.valid().build()));
        assertEquals(Optional.empty(), guarded.validate(RequestSpec.valid().set("Host", "chat.example.net")
                .set("Origin", "http://chat.example.net").build()));
        assertEquals(Optional.empty(), guarded.validate(RequestSpec.valid().set("Host", "localhost:8080")
                .set("Origin", "http://localhost:8080").build()));
        for (String host : List.of("rebound.example", "example.net", "localhost:8081", "server.example.com.evil")) {
            Optional<Refusal> refusal = guarded.validate(RequestSpec.valid().set("Host", host)
                    .set("Origin", "http://" + host).build());
            assertEquals(421, refusal.map(Refusal::status).orElse(0), host);
            assertEquals("Host not allowed", refusal.get().reason());
        }
    }

    // RFC 6455 §4.2.1 item 4: Connection must include the "Upgrade" token.
    @Test
    void ConnectionWithoutUpgradeTokenIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Connection", "keep-alive"), 400,
                "Connection header must contain the upgrade token");
    }

    // RFC 6455 §4.2.1 item 4.
    @Test
    void MissingConnectionIsRefusedWith400() {
        assertRefused(RequestSpec.valid().without("Connection"), 400, "Connection header must contain the upgrade token");
    }

    // RFC 6455 §4.2.1 item 4 ("case-insensitive") and RFC 9110 §5.6.1 lists, as Firefox sends it.
    @Test
    void ConnectionListWithUpgradeInAnyCaseIsAccepted() {
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().set("Connection", "keep-alive, Upgrade").build()));
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().set("Connection", "UPGRADE").build()));
    }

    // RFC 9110 §5.3: Connection split over two lines is still one list.
    @Test
    void RepeatedConnectionHeadersAreMerged() {
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().set("Connection", "keep-alive", "upgrade").build()));
    }

    // RFC 9110 §5.1: header names are case-insensitive.
    @Test
    void HeaderNamesAreCaseInsensitive() {
        HandshakeRequest request = SimpleHandshakeRequest.builder()
                .addHeader("host", "server.example.com")
                .addHeader("upgrade", "WebSocket")
                .addHeader("CONNECTION", "Upgrade")
                .addHeader("sec-websocket-key", RequestSpec.KEY)
                .addHeader("SEC-WEBSOCKET-VERSION", "13")
                .addHeader("origin", "http://server.example.com")
                .build();
        assertTrue(HandshakeValidator.asksForWebSocket(request));
        assertEquals(Optional.empty(), validator.validate(request));
    }

    // RFC 6455 §4.2.1 item 3: Upgrade includes "websocket", case-insensitive.
    @Test
    void UpgradeWebSocketIsRecognisedCaseInsensitively() {
        assertTrue(HandshakeValidator.asksForWebSocket(RequestSpec.valid().set("upgrade", "WebSocket").build()));
        assertTrue(HandshakeValidator.asksForWebSocket(RequestSpec.valid().set("Upgrade", "h2c, WEBSOCKET").build()));
    }

    // RFC 9110 §7.8: other protocols (or none) are not a WebSocket request.
    @Test
    void OtherUpgradesAreNotWebSocket() {
        assertFalse(HandshakeValidator.asksForWebSocket(RequestSpec.valid().set("Upgrade", "h2c").build()));
        assertFalse(HandshakeValidator.asksForWebSocket(RequestSpec.valid().without("Upgrade").build()));
    }

    // RFC 6455 §4.2.2 item 5.4: the accept value is computed from the key that was checked. A key
    // in a list with an empty element passes the checks; its raw header value is not the key.
    @Test
    void KeyIsTheCheckedElementNotTheRawHeaderValue() {
        HandshakeRequest request = RequestSpec.valid().set("Sec-WebSocket-Key", " " + RequestSpec.KEY + " ,").build();
        assertEquals(Optional.empty(), validator.validate(request));
        assertEquals(RequestSpec.KEY, HandshakeValidator.key(request));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.of(HandshakeValidator.key(request)));
    }

    @Test
    void KeyOfARequestThatFailedValidationIsNotGuessed() {
        HandshakeRequest twoKeys = RequestSpec.valid().set("Sec-WebSocket-Key", RequestSpec.KEY + ", " + RequestSpec.KEY)
                .build();
        assertThrows(IllegalStateException.class, () -> HandshakeValidator.key(twoKeys));
    }

    // RFC 6455 §4.2.1 item 5 / §4.1 item 7: the nonce is 16 bytes; 15 is not a key.
    @Test
    void KeyOf15BytesIsRefusedWith400() {
        // base64 of 15 bytes 0x01..0x0f
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", "AQIDBAUGBwgJCgsMDQ4P"), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 6455 §4.1 item 7: 17 bytes is not a key either.
    @Test
    void KeyOf17BytesIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", "AQIDBAUGBwgJCgsMDQ4PEBE="), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 6455 §4.2.1 item 5.
    @Test
    void MissingKeyIsRefusedWith400() {
        assertRefused(RequestSpec.valid().without("Sec-WebSocket-Key"), 400, "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 6455 §11.3.1: Sec-WebSocket-Key must not appear more than once.
    @Test
    void DuplicatedKeyIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", RequestSpec.KEY, RequestSpec.KEY), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 6455 §11.3.1 with RFC 9110 §5.3: a comma-joined duplicate is the same duplicate.
    @Test
    void CommaJoinedDuplicateKeyIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", RequestSpec.KEY + ", " + RequestSpec.KEY), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 6455 §4.1 item 7 (base64, RFC 4648 §4): padding is required.
    @Test
    void UnpaddedKeyIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ"), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 4648 §3.5: non-zero pad bits ("ZR==" instead of "ZQ==") are not the canonical encoding.
    @Test
    void NonCanonicalKeyIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZR=="), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 4648 §4: characters outside the base64 alphabet (here URL-safe "-") are not base64.
    @Test
    void KeyOutsideBase64AlphabetIsRefusedWith400() {
        assertRefused(RequestSpec.valid().set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25-ZQ=="), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // RFC 9110 §5.5: surrounding whitespace is not part of the field value.
    @Test
    void KeyWithSurroundingWhitespaceIsAccepted() {
        assertEquals(Optional.empty(), validator.validate(RequestSpec.valid().set("Sec-WebSocket-Key", "  " + RequestSpec.KEY + " ").build()));
    }

    // RFC 6455 §4.2.2 step 4 / §4.4: an unsupported version gets 426 naming the supported one.
    @Test
    void Version8IsRefusedWith426AndVersionHeader() {
        Refusal refusal = refusalOf(RequestSpec.valid().set("Sec-WebSocket-Version", "8"));
        assertEquals(426, refusal.status());
        assertEquals("Unsupported Sec-WebSocket-Version header, expected 13", refusal.reason());
        assertEquals(Map.of("Sec-WebSocket-Version", "13"), refusal.headers());
    }

    // RFC 6455 §4.2.1 item 6: the version is required.
    @Test
    void MissingVersionIsRefusedWith426() {
        Refusal refusal = refusalOf(RequestSpec.valid().without("Sec-WebSocket-Version"));
        assertEquals(426, refusal.status());
        assertEquals(Map.of("Sec-WebSocket-Version", "13"), refusal.headers());
    }

    // RFC 6455 §4.1 item 9: the client sends exactly 13; a list is not a version.
    @Test
    void VersionListIsRefusedWith426() {
        assertEquals(426, refusalOf(RequestSpec.valid().set("Sec-WebSocket-Version", "13, 8")).status());
    }

    // RFC 6455 §11.3.5: Sec-WebSocket-Version must not appear more than once in a request.
    @Test
    void RepeatedVersionIsRefusedWith426() {
        assertEquals(426, refusalOf(RequestSpec.valid().set("Sec-WebSocket-Version", "13", "13")).status());
    }

    // RFC 6455 §4.2.2 step 4 and §10.2: a foreign origin gets 403.
    @Test
    void ForeignOriginIsRefusedWith403() {
        assertRefused(RequestSpec.valid().set("Origin", "http://evil.example"), 403, "Origin header not allowed");
    }

    // RFC 6455 §4.2.1 "in this order": POST on HTTP/1.0 is refused for the method, the first rule.
    @Test
    void FirstFailingRuleWinsMethodBeforeProtocol() {
        assertRefused(RequestSpec.valid().method("POST").protocol("HTTP/1.0"), 400, "WebSocket upgrade requires GET");
    }

    // A malformed key (400) is reported before an unsupported version (426).
    @Test
    void FirstFailingRuleWinsKeyBeforeVersion() {
        assertRefused(RequestSpec.valid().without("Sec-WebSocket-Key").set("Sec-WebSocket-Version", "8"), 400,
                "Missing or invalid Sec-WebSocket-Key header");
    }

    // An unsupported version (426) is reported before a foreign origin (403).
    @Test
    void FirstFailingRuleWinsVersionBeforeOrigin() {
        assertEquals(426, refusalOf(RequestSpec.valid().set("Sec-WebSocket-Version", "8")
                .set("Origin", "http://evil.example")).status());
    }

    // Missing Host (400) is reported before a missing Connection token and before a foreign origin.
    @Test
    void FirstFailingRuleWinsHostBeforeConnection() {
        assertRefused(RequestSpec.valid().without("Host").without("Connection").set("Origin", "http://evil.example"),
                400, "Missing or invalid Host header");
    }

    // The validator uses the policy it was given: an allow-listed origin passes rule 7.
    @Test
    void ConfiguredOriginPolicyIsApplied() {
        HandshakeValidator permissive = new HandshakeValidator(OriginPolicy.sameOrigin().allow(List.of("http://evil.example")));
        assertEquals(Optional.empty(), permissive.validate(RequestSpec.valid().set("Origin", "http://evil.example").build()));
    }
}
