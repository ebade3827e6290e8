package dev.switch101.upgrade;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A protocol that a client can reach through the HTTP/1.1 Upgrade mechanism (RFC 9110 §7.8),
 * registered with an {@link UpgradeRegistry}. WebSocket is one; an application can add its own.
 *
 * <p>The {@link UpgradeFilter} asks the protocols the client offered, in the client's order,
 * to {@link #decide decide} on the request; the first that accepts gets the connection.
 * Implementations must be thread-safe: one instance decides for every request.
 */
public interface UpgradeProtocol {

    /**
     * The protocol this implementation speaks, as it appears in {@code Upgrade}. A token
     * without a version accepts offers of any version; the 101 names the token given here.
     */
    ProtocolToken token();

    /**
     * Decides on a request whose {@code Upgrade} header offers this protocol.
     *
     * <ul>
     *   <li>{@link UpgradeDecision#decline()}: not for this protocol (e.g. a path it does
     *       not serve); the next offered protocol is asked, and if none accepts or refuses,
     *       the request goes on untouched.</li>
     *   <li>{@link UpgradeDecision#refuse}: the request is for this protocol but cannot be
     *       served as it is (a malformed handshake, a forbidden Origin, ...).</li>
     *   <li>{@link UpgradeDecision#accept}: switch, with these response headers and this handler.</li>
     * </ul>
     *
     * Nothing may be written to the response here; the filter does that. A runtime
     * exception is answered with 500 and the connection is not upgraded.
     *
     * @param request the request, not yet answered
     * @param offer   the client's offer that matched {@link #token()}
     */
    UpgradeDecision decide(HttpServletRequest request, ProtocolToken offer);

    /**
     * The application is stopping: close what this protocol holds open (for WebSocket,
     * every connection gets a 1001). Called once, by {@link UpgradeRegistry#shutdown()}.
     */
    default void shutdown() {
    }
}
