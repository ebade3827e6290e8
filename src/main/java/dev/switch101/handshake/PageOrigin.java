package dev.switch101.handshake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switch101.http.HeaderTokens;

/**
 * The origin of the page a handshake comes from when it is served by this server: the request's
 * scheme ({@code https} for a secure request) and its {@code Host}. Behind a proxy that terminates
 * TLS or rewrites Host, the request we see is the proxy's; then, and only when the peer is one of
 * the {@link TrustedProxies}, the scheme and host the client used are read from the last element
 * of {@code Forwarded} (RFC 7239 §4: {@code proto=}, {@code host=}), or, without it, from the last
 * values of {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. The last element is the one
 * the proxy next to us added; earlier ones may come from the client. A trusted proxy's header that
 * cannot be read gives no origin at all (nothing is same-origin), never a guess.
 */
final class PageOrigin {

    private PageOrigin() {
    }

    static Optional<Origin> of(HandshakeRequest request, TrustedProxies proxies) {
        String scheme = request.isSecure() ? "https" : "http";
        List<String> hosts = request.headers("Host");
        String host = hosts.size() == 1 ? hosts.get(0).trim() : null;
        if (proxies.contains(request.remoteAddress())) {
            List<String> forwarded = HeaderTokens.elements(request.headers("Forwarded"));
            if (!forwarded.isEmpty()) {
                for (String pair : HeaderTokens.splitOutsideQuotes(forwarded.get(forwarded.size() - 1), ';')) {
                    int equals = pair.indexOf('=');
                    String value = equals <= 0 ? null : value(pair.substring(equals + 1).trim());
                    if (value == null) {
                        return Optional.empty();
                    }
                    String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("proto")) {
                        scheme = value;
                    } else if (name.equals("host")) {
                        host = value;
                    }
                }
            } else {
                scheme = last(request.headers("X-Forwarded-Proto"), scheme);
                host = last(request.headers("X-Forwarded-Host"), host);
            }
            scheme = httpScheme(scheme);
        }
        if (host == null || scheme == null) {
            return Optional.empty();
        }
        String pageScheme = scheme;
        return Authority.parse(host, pageScheme.equals("https") ? 443 : 80)
                .map(authority -> new Origin(pageScheme, authority));
    }

    /** A forwarded-pair value: a token or a quoted-string (RFC 7239 §4). */
    private static String value(String text) {
        return text.startsWith("\"") ? HeaderTokens.unquote(text) : text.isEmpty() ? null : text;
    }

    private static String last(List<String> values, String otherwise) {
        List<String> elements = HeaderTokens.elements(values);
        return elements.isEmpty() ? otherwise : elements.get(elements.size() - 1);
    }

    /** A page is served over http or https; a proxy may say ws/wss for the same. */
    private static String httpScheme(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> "http";
            case "https", "wss" -> "https";
            default -> null;
        };
    }
}
