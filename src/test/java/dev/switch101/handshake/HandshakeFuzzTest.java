package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;
import dev.switch101.fuzz.HostileText;
import dev.switch101.http.HeaderTokens;

/**
 * Property fuzzing of {@link HandshakeValidator} (RFC 6455 §4.2.1), {@link OriginPolicy} (RFC 6454,
 * RFC 7239 through trusted proxies) and {@link Subprotocols} (§4.2.2): requests whose every header
 * is valid, missing, repeated or hostile text. The validator never throws; it refuses with 400,
 * 421, 426 or 403 only, and what it accepts has GET, HTTP/1.1+, one Host, the upgrade token, one
 * canonical key and version 13. A well-formed handshake from the page's own origin — random
 * hosts, ports, schemes, header case and padding — is always accepted. Subprotocol offers are
 * tokens, never repeated, and round-trip.
 */
class HandshakeFuzzTest {

    static final long INPUTS = 10_000;

    private static final Set<Integer> STATUSES = Set.of(400, 421, 426, 403);
    private static final String[] HEADERS = {"Host", "Upgrade", "Connection", "Sec-WebSocket-Key",
        "Sec-WebSocket-Version", "Origin", "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Forwarded",
        "X-Forwarded-Proto", "X-Forwarded-Host"};
    private static final OriginPolicy PROXIED = OriginPolicy.sameOrigin().trustProxies(TrustedProxies.parse("10.0.0.0/8, ::1"));
    private static final HandshakeValidator[] VALIDATORS = {
        new HandshakeValidator(OriginPolicy.sameOrigin()),
        new HandshakeValidator(OriginPolicy.fromConfig("https://a.example, null", true)),
        new HandshakeValidator(PROXIED, HostAllowList.parse("a.example, *.b.example, 127.0.0.1:8080")),
        new HandshakeValidator(OriginPolicy.fromConfig("*", false).trustProxies(TrustedProxies.parse("0.0.0.0/0"))),
    };

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void handshakeRulesHoldTheirProperties() {
        FuzzRun.run("HandshakeValidator", INPUTS, HandshakeFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        HandshakeRequest hostile = hostileRequest(random);
        HandshakeValidator validator = VALIDATORS[random.nextInt(VALIDATORS.length)];
        Optional<Refusal> refusal = validator.validate(hostile);
        if (refusal.isPresent()) {
            assertTrue(STATUSES.contains(refusal.get().status()), refusal.get()::toString);
        } else {
            assertEquals("GET", hostile.method());
            assertEquals(1, hostile.headers("Host").size());
            assertTrue(HeaderTokens.containsToken(hostile.headers("Connection"), "upgrade"));
            assertEquals(1, HeaderTokens.elements(hostile.headers("Sec-WebSocket-Key")).size());
            assertEquals(List.of("13"), HeaderTokens.elements(hostile.headers("Sec-WebSocket-Version")));
        }
        List<String> offered = Subprotocols.offered(hostile);
        assertEquals(new LinkedHashSet<>(offered).size(), offered.size(), "no offer twice");
        offered.forEach(offer -> assertFalse(offer.isEmpty()));
        Subprotocols.select(offered, List.of("chat", "echo.v1"));

        // Round trip of well-formed offers.
        List<String> tokens = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            tokens.add(HostileText.token(random));
        }
        SimpleHandshakeRequest.Builder withOffers = SimpleHandshakeRequest.builder();
        HostileText.asHeaderLines(tokens, random).forEach(line -> withOffers.addHeader(Subprotocols.HEADER, line));
        assertEquals(new ArrayList<>(new LinkedHashSet<>(tokens)), Subprotocols.offered(withOffers.build()));

        HandshakeRequest good = sameOriginRequest(random);
        assertEquals(Optional.empty(), VALIDATORS[0].validate(good), good::toString);
    }

    private static HandshakeRequest hostileRequest(SplittableRandom random) {
        SimpleHandshakeRequest.Builder builder = SimpleHandshakeRequest.builder()
                .method(pick(random, "GET", "GET", "GET", "get", "POST", HostileText.any(random, 5)))
                .protocol(pick(random, "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", HostileText.any(random, 9)))
                .secure(random.nextBoolean())
                .remoteAddress(pick(random, null, "10.0.0.1", "::1", "192.0.2.1", HostileText.any(random, 12)));
        for (String name : HEADERS) {
            int copies = random.nextInt(10) == 0 ? 2 : random.nextInt(5) == 0 ? 0 : 1;
            for (int i = 0; i < copies; i++) {
                builder.addHeader(random.nextBoolean() ? name : name.toUpperCase(), random.nextInt(3) == 0
                        ? HostileText.any(random, 30) : plausible(name, random));
            }
        }
        return builder.build();
    }

    private static String plausible(String name, SplittableRandom random) {
        return switch (name) {
            case "Host", "X-Forwarded-Host" -> pick(random, "a.example", "x.b.example", "127.0.0.1:8080", "[::1]:80", "a,b",
                    "a.example:", "b.example:99999", "A.Example");
            case "Upgrade" -> pick(random, "websocket", "WebSocket, h2c", "h2c");
            case "Connection" -> pick(random, "Upgrade", "keep-alive, upgrade", "close");
            case "Sec-WebSocket-Key" -> pick(random, key(random), key(random) + "," + key(random), "AAAA", key(random) + " ");
            case "Sec-WebSocket-Version" -> pick(random, "13", "8, 13", "13 ", "");
            case "Origin" -> pick(random, "http://a.example", "https://a.example", "null", "http://127.0.0.1:8080",
                    "https://x.b.example:443", "http://a.example:443", "file://");
            case "Forwarded" -> pick(random, "proto=https;host=a.example", "for=1.2.3.4, proto=http;host=\"x.b.example\"",
                    "proto", "host=\"a,b\"", "proto=wss;host=[::1]");
            case "X-Forwarded-Proto" -> pick(random, "https", "http, https", "wss", "gopher");
            default -> pick(random, "chat", "chat, echo.v1", "permessage-deflate; client_max_window_bits", "x; a=\"1\"");
        };
    }

    /** A valid handshake from the page's own origin, written with random case, padding and ports. */
    private static HandshakeRequest sameOriginRequest(SplittableRandom random) {
        boolean secure = random.nextBoolean();
        String host = pick(random, "chat.example", "LOCALHOST", "127.0.0.1", "[::1]", "x-y.z_w~v");
        int port = random.nextInt(3) == 0 ? (secure ? 443 : 80) : 1 + random.nextInt(65535);
        boolean writeDefault = random.nextBoolean();
        boolean isDefault = port == (secure ? 443 : 80);
        String authority = host + (isDefault && !writeDefault ? "" : ":" + port);
        String originAuthority = host.toLowerCase() + (isDefault && random.nextBoolean() ? "" : ":" + port);
        return SimpleHandshakeRequest.builder().secure(secure)
                .addHeader(random.nextBoolean() ? "Host" : "host", HostileText.ows(random) + authority + HostileText.ows(random))
                .addHeader("Upgrade", pick(random, "websocket", "WebSocket", "h2c, websocket"))
                .addHeader("Connection", pick(random, "Upgrade", "keep-alive, UPGRADE", "upgrade"))
                .addHeader("Sec-WebSocket-Key", HostileText.ows(random) + key(random) + HostileText.ows(random))
                .addHeader("Sec-WebSocket-Version", "13")
                .addHeader("Origin", (secure ? pick(random, "https", "HTTPS") : pick(random, "http", "Http")) + "://" + originAuthority)
                .build();
    }

    private static String key(SplittableRandom random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
