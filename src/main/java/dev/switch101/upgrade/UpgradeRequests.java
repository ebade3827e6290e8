package dev.switch101.upgrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.http.HeaderTokens;

/** Request facts every upgrade protocol needs, read the same way everywhere. */
public final class UpgradeRequests {

    private UpgradeRequests() {
    }

    /** Every value of every occurrence of a header, in order (header names are case-insensitive); unmodifiable. */
    public static List<String> headers(HttpServletRequest request, String name) {
        // Most handshake headers occur once or not at all: no ten-slot list for those.
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return Collections.singletonList(first);
        }
        List<String> all = new ArrayList<>(4);
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * The request's path within the application, decoded once, path parameters (such as
     * {@code ;jsessionid=...}) dropped: what a protocol registered for a path matches against.
     * See {@link RequestTarget#pathWithinApplication}.
     *
     * @return the path, starting with {@code /}, or empty if the request's path can never match
     *         (malformed, or with {@code .}, {@code ..} or empty segments)
     */
    public static Optional<String> pathWithinApplication(HttpServletRequest request) {
        return RequestTarget.pathWithinApplication(request);
    }

    /**
     * Whether HTTP allows this request's connection to switch protocols at all: the upgrade
     * mechanism exists only in HTTP/1.1 (RFC 9110 §7.8: a server must ignore {@code Upgrade}
     * received in an HTTP/1.0 request, and HTTP/2 forbids it), and {@code Upgrade} is a
     * hop-by-hop header, so {@code Connection} must name it.
     */
    public static boolean canSwitch(HttpServletRequest request) {
        return isHttp11(request.getProtocol())
                && HeaderTokens.containsToken(headers(request, "Connection"), "upgrade");
    }

    /** Whether a request-line protocol is HTTP/1.1 (or a later HTTP/1.x). */
    public static boolean isHttp11(String protocol) {
        if (protocol == null || !protocol.regionMatches(true, 0, "HTTP/1.", 0, 7)) {
            return false;
        }
        return HeaderTokens.decimal(protocol, 7, 3) >= 1; // the minor version
    }

    /** Whether the request came over HTTP/2 or later, where {@code Upgrade} has no meaning. */
    public static boolean isHttp2OrLater(String protocol) {
        return protocol != null && protocol.regionMatches(true, 0, "HTTP/", 0, 5)
                && !protocol.startsWith("1.", 5) && !protocol.startsWith("0.", 5);
    }
}
