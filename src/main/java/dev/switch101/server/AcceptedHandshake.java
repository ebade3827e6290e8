package dev.switch101.server;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An opening handshake the engine has accepted (valid, Origin permitted, subprotocol and
 * extensions negotiated), as the application's handshake code sees it before the 101 is sent.
 * Valid only during that code's call: the request is gone once the connection is upgraded.
 */
public interface AcceptedHandshake {

    /**
     * The request: headers, query and parameters, the user principal and roles
     * ({@code isUserInRole}), the {@code HttpSession}.
     */
    HttpServletRequest request();

    /** The values of the endpoint path template's variables. */
    Map<String, String> pathParameters();

    /** The chosen subprotocol, or {@code ""} if none. */
    String subprotocol();

    /** The accepted extensions as they will be answered in {@code Sec-WebSocket-Extensions}. */
    List<String> extensions();

    /**
     * Adds a header to the 101. The protocol's own headers ({@code Sec-WebSocket-Accept},
     * {@code -Protocol}, {@code -Extensions}, {@code Upgrade}, {@code Connection}) are not the
     * application's to change: values given for them are ignored.
     */
    void addResponseHeader(String name, String value);

    /**
     * Keeps the request headers for the life of the connection
     * ({@link dev.switch101.session.HandshakeInfo#headers()}). By default they are dropped after the
     * 101, so that an idle connection holds little.
     */
    void keepRequestHeaders();
}
