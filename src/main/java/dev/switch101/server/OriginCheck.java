package dev.switch101.server;

import dev.switch101.handshake.HandshakeRequest;
import dev.switch101.handshake.OriginPolicy;

/**
 * An endpoint's own Origin decision, which replaces the Origin policy for that endpoint
 * (a refusal answers 403). It is handed the policy that would otherwise decide, so it can
 * build on it.
 */
@FunctionalInterface
public interface OriginCheck {

    /**
     * @param request the handshake request (its {@code Origin} header may be absent)
     * @param policy  the endpoint's (or the application's) Origin policy
     * @return whether the handshake may proceed
     */
    boolean permits(HandshakeRequest request, OriginPolicy policy);
}
