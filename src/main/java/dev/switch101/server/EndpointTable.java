package dev.switch101.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The endpoints of one application by path, matched as Jakarta WebSocket 2.1 §3.1.1 says:
 * only paths with the request's segment count can match; of those that match, the one whose
 * segments are literal furthest to the left wins (so an exact path beats every template).
 * Equivalent paths ({@code /a/{x}} and {@code /a/{y}}) are refused when added, so the
 * winner is always unique. Adding is thread-safe; matching takes no lock.
 */
final class EndpointTable {

    private final List<EndpointRegistration> endpoints = new CopyOnWriteArrayList<>();
    /** The endpoints whose paths have no variables, by path: the best match whenever one is found. */
    private final Map<String, EndpointRegistration> exact = new ConcurrentHashMap<>();

    /**
     * @throws IllegalStateException if an endpoint with an equivalent path is registered
     */
    synchronized void add(EndpointRegistration endpoint) {
        for (EndpointRegistration existing : endpoints) {
            if (existing.path().isEquivalentTo(endpoint.path())) {
                throw new IllegalStateException("The path " + endpoint.path() + " is equivalent to the path "
                        + existing.path() + " of an endpoint already registered");
            }
        }
        endpoints.add(endpoint);
        if (endpoint.path().isExact()) {
            exact.put(endpoint.path().template(), endpoint);
        }
    }

    /** The best endpoint for a path within the application, with the template's values, or {@code null}. */
    WebSocketServer.Match match(String path) {
        EndpointRegistration literal = exact.get(path);
        if (literal != null) {
            return new WebSocketServer.Match(literal, Map.of()); // all segments literal: nothing beats it
        }
        EndpointRegistration best = null;
        Map<String, String> bestValues = null;
        for (EndpointRegistration endpoint : endpoints) {
            if (best != null && best.path().comparePreference(endpoint.path()) <= 0) {
                continue; // cannot win (equivalents are refused, so 0 never happens for two matches)
            }
            Map<String, String> values = endpoint.path().match(path);
            if (values != null) {
                best = endpoint;
                bestValues = values;
            }
        }
        return best == null ? null : new WebSocketServer.Match(best, bestValues);
    }
}
