package dev.switch101.examples.inspect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;

/**
 * What a Configurator saw of one handshake, copied out of the request and response objects
 * (which belong to the container and may not outlive the handshake).
 *
 * @param requestLine the request line as the Jakarta API shows it: method and target (the API
 *        has no HTTP version; the handshake is HTTP/1.1 by RFC 6455 §4.1)
 * @param requestHeaders the request's headers, names as the container gives them
 * @param responseHeaders the headers of the 101 as the container had formulated them when it
 *        called {@code modifyHandshake}
 */
public record HandshakeRecord(String requestLine, Map<String, List<String>> requestHeaders,
        Map<String, List<String>> responseHeaders) {

    /** @return a copy of what {@code request} and {@code response} hold now */
    public static HandshakeRecord of(HandshakeRequest request, HandshakeResponse response) {
        String query = request.getQueryString();
        String target = request.getRequestURI().getRawPath() + (query == null || query.isEmpty() ? "" : "?" + query);
        return new HandshakeRecord("GET " + target + " HTTP/1.1", copy(request.getHeaders()), copy(response.getHeaders()));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }
}
