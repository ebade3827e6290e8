package dev.switch101.handshake;

import java.util.List;

/**
 * A read-only view of the HTTP request the handshake rules need: no Servlet types, so the rules can
 * be tested without a container and adapted to any server.
 */
public interface HandshakeRequest {

    /**
     * The request method, case-sensitive as RFC 9110 §9.1 defines it, e.g. {@code "GET"}.
     *
     * @return the method
     */
    String method();

    /**
     * The protocol version as on the request line, e.g. {@code "HTTP/1.1"}, {@code "HTTP/1.0"},
     * {@code "HTTP/2.0"}.
     *
     * @return the protocol
     */
    String protocol();

    /**
     * Every value of every occurrence of the header, in order. Header names are case-insensitive.
     *
     * @param name the header name
     * @return the values, or an empty list if the header is absent; never null
     */
    List<String> headers(String name);

    /**
     * The first value of the header.
     *
     * @param name the header name, case-insensitive
     * @return the first value, or null if the header is absent
     */
    default String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Whether the request came over {@code https}; decides the default port of the Host header.
     *
     * @return true for a secure request
     */
    boolean isSecure();

    /**
     * The address of the peer, as {@code ServletRequest.getRemoteAddr()} gives it; decides
     * whether its forwarding headers are believed (see {@link TrustedProxies}).
     *
     * @return the IP address, or null if unknown (then no proxy is trusted)
     */
    default String remoteAddress() {
        return null;
    }
}
