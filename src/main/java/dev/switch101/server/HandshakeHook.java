package dev.switch101.server;

import java.util.Map;

import dev.switch101.session.HandshakeInfo;

/**
 * Application code that runs during an accepted handshake, before the 101 is sent (the
 * engine's counterpart of a Jakarta {@code Configurator.modifyHandshake}). An exception here
 * answers the handshake with 500 and nothing is upgraded.
 */
@FunctionalInterface
public interface HandshakeHook {

    /** No changes. */
    HandshakeHook NONE = (request, responseHeaders) -> { };

    /**
     * @param request         what the handshake carried and negotiated
     * @param responseHeaders the 101's headers, which the hook may add to (not the protocol's own)
     */
    void modifyHandshake(HandshakeInfo request, Map<String, String> responseHeaders);
}
