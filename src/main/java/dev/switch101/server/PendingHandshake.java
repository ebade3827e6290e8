package dev.switch101.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.session.HandshakeInfo;
import dev.switch101.upgrade.RequestTarget;
import dev.switch101.upgrade.UpgradeRequests;

/**
 * An accepted handshake while the application's handshake code runs: collects the headers it
 * adds to the 101, then makes what the connection keeps after it ({@link HandshakeInfo}).
 */
final class PendingHandshake implements AcceptedHandshake {

    /** Headers of the protocol itself, which the application's code must not change (lower case). */
    private static final Set<String> PROTOCOL_HEADERS = Set.of("sec-websocket-accept", "sec-websocket-protocol",
            "sec-websocket-extensions", "upgrade", "connection");

    private final HttpServletRequest request;
    private final Map<String, String> pathParameters;
    private final String subprotocol;
    private final List<String> extensions;
    private final Map<String, List<String>> added = new LinkedHashMap<>();
    private boolean keepHeaders;

    PendingHandshake(HttpServletRequest request, Map<String, String> pathParameters, String subprotocol,
            List<String> extensions) {
        this.request = request;
        this.pathParameters = Map.copyOf(pathParameters);
        this.subprotocol = subprotocol;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public HttpServletRequest request() {
        return request;
    }

    @Override
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    @Override
    public void addResponseHeader(String name, String value) {
        if (!PROTOCOL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            added.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public void keepRequestHeaders() {
        keepHeaders = true;
    }

    /** Adds the application's headers to the 101's. */
    void addTo(Map<String, List<String>> headers) {
        added.forEach((name, values) -> headers.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
    }

    /** What the connection keeps: no request headers unless asked for. */
    HandshakeInfo info() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (keepHeaders) {
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(Locale.ROOT), UpgradeRequests.headers(request, name));
            }
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> parameters.put(k, List.of(v)));
        String query = request.getQueryString();
        String uri = RequestTarget.uriText(request); // checked before any handshake: a URI, and cannot fail here
        return new HandshakeInfo(uri, headers, query, parameters, pathParameters, subprotocol, extensions,
                request.getUserPrincipal(), request.getSession(false), request.isSecure());
    }
}
