package dev.switch101.handshake;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A serialized tuple origin, {@code scheme "://" host [":" port]} (RFC 6454 §6.2), normalized: scheme
 * and host lower-case, the scheme's default port filled in for {@code http(s)} and {@code ws(s)}, -1 for
 * a scheme without a known default and no written port.
 */
record Origin(String scheme, Authority authority) {

    Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
    }

    /**
     * @param text an origin such as {@code https://chat.example:8443}
     * @return the origin, or empty if {@code text} is not a serialized tuple origin (for example
     *     {@code "null"}, or a value with a path)
     */
    static Optional<Origin> parse(String text) {
        Objects.requireNonNull(text, "text");
        int separator = text.indexOf("://");
        if (separator <= 0) {
            return Optional.empty();
        }
        String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!isScheme(scheme)) {
            return Optional.empty();
        }
        int defaultPort = defaultPort(scheme);
        // A scheme without a known default port (e.g. a browser extension's) keeps port -1, "none";
        // it then only ever equals an origin written the same way.
        return Authority.parse(text.substring(separator + 3), defaultPort)
                .map(authority -> new Origin(scheme, authority));
    }

    @Override
    public String toString() {
        return scheme + "://" + authority.host() + (authority.port() < 0 ? "" : ":" + authority.port());
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1), already lower-cased. */
    private static boolean isScheme(String scheme) {
        if (scheme.isEmpty() || scheme.charAt(0) < 'a' || scheme.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
