package dev.switch101.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.conformance.HandshakeChecks;

/**
 * The opening handshake (RFC 6455 §4), on the raw socket, against the engine in each container,
 * at the demo's {@code /echo} as users reach it: the annotated endpoint on the Jakarta runtime.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakeIT extends HandshakeChecks {

    @Override
    protected String endpointPath() {
        return "echo";
    }

    /**
     * Both WildFly and Tomcat answer a Host-less HTTP/1.1 request with their own 400 before any
     * filter runs (RFC 9112 §3.2 requires the 400); the engine's own Host rule is pinned by
     * {@code HandshakeValidatorTest}.
     */
    @Override
    protected boolean hostlessRequestsReachTheApplication() {
        return false;
    }
}
