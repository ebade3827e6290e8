package dev.switch101.it;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.conformance.HandshakeChecks;
import dev.switch101.it.support.Switch101War;

/** The opening handshake (RFC 6455 §4), on the raw socket, against the engine in each container. */
@ExtendWith(ArquillianExtension.class)
class HandshakeIT extends HandshakeChecks {

    @Deployment(testable = false)
    static WebArchive war() {
        return Switch101War.create();
    }

    @ArquillianResource
    private URL base;

    @Override
    protected URL base() {
        return base;
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
