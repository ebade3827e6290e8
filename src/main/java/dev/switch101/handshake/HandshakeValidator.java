package dev.switch101.handshake;

import dev.switch101.http.HeaderTokens;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RFC 6455 §4.2.1 checks of a request that asked for {@code websocket} (see {@link
 * #asksForWebSocket(HandshakeRequest)}), in this order; the first failure wins:
 *
 * <ol>
 *   <li>method {@code GET}, else 400;
 *   <li>protocol HTTP/1.1 or later (HTTP/1.0 never), else 400;
 *   <li>exactly one {@code Host} holding exactly one authority ({@code Host: a,b} is two), else 400
 *       (RFC 9110 §7.2, RFC 9112 §3.2);
 *   <li>the page's host on the {@link HostAllowList}, if one is configured, else 421 (RFC 9110
 *       §15.5.20: not a host this server answers for; the defence against DNS rebinding);
 *   <li>{@code Connection} contains the {@code upgrade} token, else 400;
 *   <li>exactly one {@code Sec-WebSocket-Key}, the strict padded base64 of 16 bytes, else 400;
 *   <li>{@code Sec-WebSocket-Version} exactly {@code 13}, else 426 with {@code Sec-WebSocket-Version: 13}
 *       (RFC 6455 §4.4);
 *   <li>{@code Origin} permitted by the {@link OriginPolicy}, else 403 (RFC 6455 §4.2.2 step 4).
 * </ol>
 *
 * <p>The order puts malformed requests (400) before version negotiation (426), so a client is only
 * told to retry with another version when that could help, and checks the origin last, so a refusal
 * for a foreign origin does not tell a page anything about the rest of the request.
 */
public final class HandshakeValidator {

    /** The only protocol version this server speaks (RFC 6455 §4.1). */
    public static final String VERSION = "13";

    static final String METHOD_REASON = "WebSocket upgrade requires GET";
    static final String PROTOCOL_REASON = "WebSocket upgrade requires HTTP/1.1 or later";
    static final String HOST_REASON = "Missing or invalid Host header";
    static final String CONNECTION_REASON = "Connection header must contain the upgrade token";
    static final String KEY_REASON = "Missing or invalid Sec-WebSocket-Key header";
    static final String VERSION_REASON = "Unsupported Sec-WebSocket-Version header, expected 13";
    /** The reason of a 403 for an Origin the policy does not permit. */
    public static final String ORIGIN_REASON = "Origin header not allowed";
    static final String HOST_NOT_ALLOWED_REASON = "Host not allowed";

    /** The nonce is 16 random bytes (RFC 6455 §4.1 item 7), i.e. 24 base64 characters ending "==". */
    private static final int KEY_BYTES = 16;
    private static final int KEY_CHARS = 24;

    private final OriginPolicy originPolicy;
    private final HostAllowList allowedHosts;

    /**
     * A validator that allows every host.
     *
     * @param originPolicy decides the Origin rule; use {@link OriginPolicy#sameOrigin()} for the secure default
     */
    public HandshakeValidator(OriginPolicy originPolicy) {
        this(originPolicy, HostAllowList.any());
    }

    /**
     * @param originPolicy decides the Origin rule, and which proxies tell the page's host
     * @param allowedHosts the hosts this server answers for
     */
    public HandshakeValidator(OriginPolicy originPolicy, HostAllowList allowedHosts) {
        this.originPolicy = Objects.requireNonNull(originPolicy, "originPolicy");
        this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts");
    }

    /**
     * Whether the request asks to upgrade to WebSocket at all: its {@code Upgrade} header (RFC 9110
     * §7.8) lists the {@code websocket} protocol, case-insensitively. Requests that do not are plain
     * HTTP and not subject to {@link #validate(HandshakeRequest)}.
     *
     * @param request the request
     * @return true if {@code Upgrade} contains {@code websocket}
     */
    public static boolean asksForWebSocket(HandshakeRequest request) {
        return HeaderTokens.containsToken(request.headers("Upgrade"), "websocket");
    }

    /**
     * Checks a request that asked for WebSocket.
     *
     * @param request the handshake request
     * @return the refusal of the first rule that fails, or empty if the handshake may proceed
     */
    public Optional<Refusal> validate(HandshakeRequest request) {
        Objects.requireNonNull(request, "request");
        // Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET.
        if (!"GET".equals(request.method())) {
            return refuse(400, METHOD_REASON);
        }
        if (!isHttp11OrLater(request.protocol())) {
            return refuse(400, PROTOCOL_REASON);
        }
        if (!hasOneHost(request)) {
            return refuse(400, HOST_REASON);
        }
        if (!allowedHosts.permits(originPolicy.pageOrigin(request))) {
            return refuse(421, HOST_NOT_ALLOWED_REASON);
        }
        if (!HeaderTokens.containsToken(request.headers("Connection"), "upgrade")) {
            return refuse(400, CONNECTION_REASON);
        }
        if (!hasValidKey(request)) {
            return refuse(400, KEY_REASON);
        }
        if (!List.of(VERSION).equals(HeaderTokens.elements(request.headers("Sec-WebSocket-Version")))) {
            return Optional.of(new Refusal(426, VERSION_REASON, Map.of("Sec-WebSocket-Version", VERSION)));
        }
        if (!originPolicy.permits(request)) {
            return refuse(403, ORIGIN_REASON);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(int status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }

    /** HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3); HTTP/2 and later are written "HTTP/2.0" by servers. */
    static boolean isHttp11OrLater(String protocol) {
        if ("HTTP/1.1".equals(protocol)) {
            return true; // what every client sends: no need to take it apart
        }
        if (protocol == null || !protocol.startsWith("HTTP/")) {
            return false;
        }
        String version = protocol.substring("HTTP/".length());
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        String minor = dot < 0 ? "0" : version.substring(dot + 1);
        int majorNumber = HeaderTokens.decimal(major, 0, 3);
        int minorNumber = HeaderTokens.decimal(minor, 0, 3);
        if (majorNumber < 0 || minorNumber < 0) {
            return false;
        }
        return majorNumber > 1 || (majorNumber == 1 && minorNumber >= 1);
    }

    /** One Host line holding one authority: a second one (or a comma list) makes the target ambiguous. */
    private static boolean hasOneHost(HandshakeRequest request) {
        List<String> hosts = request.headers("Host");
        return hosts.size() == 1 && Authority.parse(hosts.get(0).trim(), 0).isPresent();
    }

    /**
     * The key of a request that passed {@link #validate}, as it was checked: the one element of
     * its {@code Sec-WebSocket-Key} lines, trimmed. {@code Sec-WebSocket-Accept} must be computed
     * from this, not from the raw header value: {@code "key,"} or a blank line before the key's
     * passes the checks, and hashing the raw value would answer with an accept the client rejects.
     *
     * @throws IllegalStateException if the request does not carry exactly one key
     */
    public static String key(HandshakeRequest request) {
        List<String> keys = keys(request);
        if (keys.size() != 1) {
            throw new IllegalStateException("Not a validated handshake: " + keys.size() + " keys");
        }
        return keys.get(0);
    }

    private static List<String> keys(HandshakeRequest request) {
        return HeaderTokens.elements(request.headers("Sec-WebSocket-Key"));
    }

    /**
     * Exactly one key, counting a repeated header and a comma-joined duplicate alike; strict base64
     * with padding that decodes to 16 bytes and re-encodes to itself (so no stray bits in the last
     * character are tolerated).
     */
    private static boolean hasValidKey(HandshakeRequest request) {
        List<String> keys = keys(request);
        if (keys.size() != 1) {
            return false;
        }
        String key = keys.get(0);
        // Cheap bound before decoding attacker-sized input; the re-encoding check below is the real rule.
        if (key.length() != KEY_CHARS) {
            return false;
        }
        byte[] nonce;
        try {
            nonce = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException notBase64) {
            // Not base64 is exactly the condition this check reports, as a refusal; nothing is lost.
            return false;
        }
        return nonce.length == KEY_BYTES && Base64.getEncoder().encodeToString(nonce).equals(key);
    }
}
