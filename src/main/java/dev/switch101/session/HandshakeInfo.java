package dev.switch101.session;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the opening handshake settled and carried, kept for the life of the connection
 * (the request itself is gone once the connection is upgraded).
 *
 * @param uri            the request URI with its query, as text (see {@link #requestUri()})
 * @param headers        request headers, names lower-cased, values in order
 * @param queryString    the raw query, or {@code null}
 * @param parameters     query parameters
 * @param pathParameters values of the endpoint path template's variables
 * @param subprotocol    the chosen subprotocol, or {@code ""} if none
 * @param extensions     the accepted extensions as answered in {@code Sec-WebSocket-Extensions}
 * @param principal      the authenticated user, or {@code null}
 * @param httpSession    the {@code HttpSession} as an object (the engine does not depend on it), or {@code null}
 * @param secure         whether the connection came over TLS
 */
public record HandshakeInfo(String uri, Map<String, List<String>> headers, String queryString,
        Map<String, List<String>> parameters, Map<String, String> pathParameters, String subprotocol,
        List<String> extensions, Principal principal, Object httpSession, boolean secure) {

    public HandshakeInfo {
        headers = Map.copyOf(headers);
        parameters = Map.copyOf(parameters);
        pathParameters = Map.copyOf(pathParameters);
        extensions = List.copyOf(extensions);
    }

    /**
     * The request URI with its query, parsed on each call. Only its text is kept: a parsed
     * {@code URI} holds its parts as strings of their own, some 300 bytes more, for the whole life
     * of a connection that may never ask.
     *
     * @return the request URI
     */
    public URI requestUri() {
        return URI.create(uri);
    }
}
