package dev.switch101.server;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.handshake.HandshakeRequest;
import dev.switch101.upgrade.UpgradeRequests;

/** The handshake rules' view of a servlet request. */
final class ServletHandshakeRequest implements HandshakeRequest {

    private final HttpServletRequest request;

    ServletHandshakeRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String protocol() {
        return request.getProtocol();
    }

    @Override
    public List<String> headers(String name) {
        return UpgradeRequests.headers(request, name);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }
}
