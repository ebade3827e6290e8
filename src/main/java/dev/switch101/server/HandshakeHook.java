package dev.switch101.server;

/**
 * Application code that runs during an accepted handshake, before the 101 is sent (the
 * engine's counterpart of a Jakarta {@code Configurator.modifyHandshake}). An exception here
 * answers the handshake with 500 and nothing is upgraded.
 */
@FunctionalInterface
public interface HandshakeHook {

    /** No changes. */
    HandshakeHook NONE = handshake -> { };

    /** @param handshake the request, what was negotiated, and the 101's headers to add to */
    void modifyHandshake(AcceptedHandshake handshake);
}
