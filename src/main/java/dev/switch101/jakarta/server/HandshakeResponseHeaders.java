package dev.switch101.jakarta.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.websocket.HandshakeResponse;

/**
 * The {@link HandshakeResponse} a configurator's {@code modifyHandshake} adds headers to; they
 * are sent with the 101 (all but the protocol's own, which the engine sets). Names are
 * case-insensitive.
 */
final class HandshakeResponseHeaders implements HandshakeResponse {

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }
}
