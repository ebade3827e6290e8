package dev.switch101.handshake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the {@code Origin} of a handshake may open a WebSocket (RFC 6455 §4.2.2 step 4,
 * §10.2). Browsers do not apply the same-origin policy to WebSockets, so without this check any web
 * page could talk to the server with the user's cookies (cross-site WebSocket hijacking).
 *
 * <p>Secure by default: permitted are an {@code Origin} equal to the page's own origin (RFC 6454
 * §5: scheme, host and port all equal; the page's scheme is {@code https} for a secure request,
 * {@code http} otherwise, its host and port those of the Host header, case-insensitively, default
 * ports 80/443 filled in on both sides — so {@code http://host:443} is not the origin of a page
 * served over https; behind a proxy, see {@link #trustProxies}), or one in the
 * allow-list of origins (exact {@code scheme://host[:port]} entries, normalized; {@code "*"} allows
 * any origin). A request with no {@code Origin} header is permitted unless {@link
 * #requireOrigin(boolean) required}, because non-browser clients send none and are not exposed to
 * cross-site attacks. The opaque origin {@code "null"} (sandboxed frames, {@code file:} pages) is
 * refused unless allow-listed explicitly as {@code "null"}; {@code "*"} does not cover it.
 *
 * <p>Instances are immutable; the configuring methods return new policies.
 */
public final class OriginPolicy {

    /** The request header checked. */
    public static final String HEADER = "Origin";
    /** Allow-list entry permitting every origin except {@code "null"}. */
    public static final String ANY = "*";
    /** The serialization of an opaque origin (RFC 6454 §6.2), compared case-sensitively. */
    public static final String NULL_ORIGIN = "null";

    private static final OriginPolicy SAME_ORIGIN = new OriginPolicy(Set.of(), false, false, false,
            TrustedProxies.none());

    private final Set<Origin> allowed;
    private final boolean allowAny;
    private final boolean allowNull;
    private final boolean originRequired;
    private final TrustedProxies proxies;

    private OriginPolicy(Set<Origin> allowed, boolean allowAny, boolean allowNull, boolean originRequired,
            TrustedProxies proxies) {
        this.allowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
        this.allowAny = allowAny;
        this.allowNull = allowNull;
        this.originRequired = originRequired;
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    /**
     * The default policy: same origin only, requests without {@code Origin} permitted.
     *
     * @return the same-origin policy
     */
    public static OriginPolicy sameOrigin() {
        return SAME_ORIGIN;
    }

    /**
     * A policy that additionally permits the given origins.
     *
     * @param origins entries {@code scheme://host[:port]}, {@code "*"} or {@code "null"}
     * @return a new policy; this one is unchanged
     * @throws IllegalArgumentException if an entry is not an origin, so a typo in configuration fails
     *     at deployment instead of silently refusing every browser
     */
    public OriginPolicy allow(Collection<String> origins) {
        Objects.requireNonNull(origins, "origins");
        Set<Origin> newAllowed = new LinkedHashSet<>(allowed);
        boolean newAny = allowAny;
        boolean newNull = allowNull;
        for (String entry : origins) {
            String origin = Objects.requireNonNull(entry, "origin entry").trim();
            if (origin.equals(ANY)) {
                newAny = true;
            } else if (origin.equals(NULL_ORIGIN)) {
                newNull = true;
            } else {
                newAllowed.add(Origin.parse(origin).orElseThrow(() -> new IllegalArgumentException(
                        "Not an origin (expected scheme://host[:port]): '" + origin + "'")));
            }
        }
        return new OriginPolicy(newAllowed, newAny, newNull, originRequired, proxies);
    }

    /**
     * A policy that refuses (or, with false, permits) requests without an {@code Origin} header.
     *
     * @param required whether an {@code Origin} header is mandatory
     * @return a new policy; this one is unchanged
     */
    public OriginPolicy requireOrigin(boolean required) {
        return new OriginPolicy(allowed, allowAny, allowNull, required, proxies);
    }

    /**
     * A policy that reads the page's scheme and host from {@code Forwarded} (or
     * {@code X-Forwarded-Proto} / {@code X-Forwarded-Host}) when the peer is one of
     * {@code trusted}: for servers behind a proxy that terminates TLS or rewrites Host.
     *
     * @param trusted the proxies; {@link TrustedProxies#none()} (the default) believes no one
     * @return a new policy; this one is unchanged
     */
    public OriginPolicy trustProxies(TrustedProxies trusted) {
        return new OriginPolicy(allowed, allowAny, allowNull, originRequired, trusted);
    }

    /**
     * The origin of the page the request's handshake belongs to, if it was served here: scheme
     * and Host of the request, or what a trusted proxy forwarded.
     */
    Optional<Origin> pageOrigin(HandshakeRequest request) {
        return PageOrigin.of(request, proxies);
    }

    /**
     * Parses a context-param value, e.g. {@code "https://a.example, http://localhost:3000"}.
     *
     * @param allowList origins separated by commas and/or whitespace; null or blank for same-origin only
     * @param requireOrigin whether an {@code Origin} header is mandatory
     * @return the policy
     * @throws IllegalArgumentException if an entry is not an origin
     */
    public static OriginPolicy fromConfig(String allowList, boolean requireOrigin) {
        List<String> entries = new ArrayList<>();
        if (allowList != null) {
            for (String entry : allowList.split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return sameOrigin().allow(entries).requireOrigin(requireOrigin);
    }

    /**
     * Whether the request's {@code Origin} is permitted.
     *
     * @param request the handshake request
     * @return true if the handshake may proceed as far as the origin is concerned
     */
    public boolean permits(HandshakeRequest request) {
        Objects.requireNonNull(request, "request");
        List<String> values = request.headers(HEADER);
        if (values.isEmpty()) {
            return !originRequired;
        }
        if (values.size() > 1) {
            // A user agent sends one Origin (RFC 6454 §7.3); two leave us unable to say who is asking.
            return false;
        }
        String value = values.get(0).trim();
        if (value.equals(NULL_ORIGIN)) {
            return allowNull;
        }
        if (allowAny) {
            return true;
        }
        Optional<Origin> origin = Origin.parse(value);
        return origin.isPresent() && (allowed.contains(origin.get()) || isSameOrigin(origin.get(), request));
    }

    private boolean isSameOrigin(Origin origin, HandshakeRequest request) {
        return pageOrigin(request).map(origin::equals).orElse(false);
    }

    @Override
    public String toString() {
        return "OriginPolicy[sameOrigin" + (allowAny ? ", *" : "") + (allowNull ? ", null" : "")
                + (allowed.isEmpty() ? "" : ", " + allowed) + (originRequired ? ", origin required" : "")
                + (proxies.isEmpty() ? "" : ", trusted proxies " + proxies) + "]";
    }
}
