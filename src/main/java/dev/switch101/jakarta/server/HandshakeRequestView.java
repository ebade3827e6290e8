package dev.switch101.jakarta.server;

import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;

import dev.switch101.server.AcceptedHandshake;
import dev.switch101.upgrade.RequestTarget;
import dev.switch101.upgrade.UpgradeRequests;

/**
 * The opening handshake request as a configurator's {@code modifyHandshake} sees it: a view of
 * the servlet request, valid during that call. Header names are case-insensitive; the request
 * URI is the {@code ws}/{@code wss} URI the client asked for, with its query.
 */
final class HandshakeRequestView implements HandshakeRequest {

    private final HttpServletRequest request;
    private final Map<String, List<String>> parameters;

    HandshakeRequestView(AcceptedHandshake handshake) {
        this.request = handshake.request();
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        handshake.pathParameters().forEach((name, value) -> params.putIfAbsent(name, List.of(value)));
        this.parameters = Collections.unmodifiableMap(params);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, List.copyOf(UpgradeRequests.headers(request, name)));
        }
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public Principal getUserPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public URI getRequestURI() {
        return webSocketUri(request);
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object getHttpSession() {
        return request.getSession(false);
    }

    @Override
    public Map<String, List<String>> getParameterMap() {
        return parameters;
    }

    @Override
    public String getQueryString() {
        return request.getQueryString();
    }

    /** {@code ws://host/path?query} ({@code wss} over TLS) for the request. */
    static URI webSocketUri(HttpServletRequest request) {
        // The request URL starts with "http" or "https": the WebSocket scheme replaces it.
        String http = RequestTarget.uri(request).toString(); // checked before any handshake: cannot fail here
        return URI.create("ws" + http.substring(4));
    }
}
