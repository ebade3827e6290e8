package dev.switch101.handshake;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
        // Bounded length keeps Integer.parseInt from overflowing; more than five digits is no port anyway.
        if (text.length() > 5) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? Optional.of(port) : Optional.empty();
    }

    /**
     * Accepts the characters of reg-name, IPv4 and bracketed IP literals; rejects what would smuggle
     * another URI part in (userinfo "@", path "/", query, whitespace).
     */
    private static boolean isHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        boolean literal = host.startsWith("[");
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~%!$&'()*+,;=".indexOf(c) >= 0
                    || (literal && (c == ':' || c == '[' || c == ']'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
