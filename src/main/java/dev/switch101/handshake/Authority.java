package dev.switch101.handshake;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.switch101.http.HeaderTokens;

/**
 * A host and port as they appear in a {@code Host} header or an origin: {@code uri-host [":" port]}
 * (RFC 3986 §3.2.2, §3.2.3). The host is lower-cased and a missing port is filled in, so two
 * authorities naming the same endpoint compare equal.
 */
record Authority(String host, int port) {

    Authority {
        Objects.requireNonNull(host, "host");
    }

    /**
     * @param text {@code host}, {@code host:port} or {@code [ipv6]:port}
     * @param defaultPort the port to assume when none is written (an empty port also means default)
     * @return the authority, or empty if {@code text} is not one
     */
    static Optional<Authority> parse(String text, int defaultPort) {
        Objects.requireNonNull(text, "text");
        String host;
        String portText;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(0, close + 1);
            String rest = text.substring(close + 1);
            if (rest.isEmpty()) {
                portText = "";
            } else if (rest.charAt(0) == ':') {
                portText = rest.substring(1);
            } else {
                return Optional.empty();
            }
        } else {
            // A reg-name or IPv4 address cannot contain ':', so the last one separates the port.
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            portText = colon < 0 ? "" : text.substring(colon + 1);
        }
        if (!isHost(host)) {
            return Optional.empty();
        }
        if (portText.isEmpty()) {
            return Optional.of(new Authority(host.toLowerCase(Locale.ROOT), defaultPort));
        }
        return parsePort(portText).map(port -> new Authority(host.toLowerCase(Locale.ROOT), port));
    }

    private static Optional<Integer> parsePort(String text) {
        int port = HeaderTokens.decimal(text, 0, 5); // more than five digits is no port anyway
        return port >= 0 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /**
     * A host name (letters, digits, {@code -._~} and {@code %} escapes), an IPv4 address, or a
     * bracketed IP literal (hex digits, {@code :}, {@code .}, and a {@code %25} zone).
     * Stricter than RFC 3986's reg-name, which also allows the sub-delims {@code !$&'()*+,;=}: no
     * real host name has them, and in a field value a {@code ,} separates list elements, so
     * {@code Host: a,b} is two hosts, not one (RFC 9110 §7.2: exactly one authority). Rejects what
     * would smuggle another URI part in (userinfo {@code @}, a path, a query, whitespace).
     */
    private static boolean isHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        boolean literal = host.startsWith("[");
        if (literal && (host.length() < 3 || !host.endsWith("]"))) {
            return false;
        }
        String inner = literal ? host.substring(1, host.length() - 1) : host;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (literal ? ":.%" : "-._~%").indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
