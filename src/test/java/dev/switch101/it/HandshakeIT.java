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

    /** Set by the failsafe execution: "wildfly" or "tomcat". */
    private static final String CONTAINER = System.getProperty("arquillian.launch", "");

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

    /** WildFly (Undertow) answers a Host-less HTTP/1.1 request with its own 400, before any filter. */
    @Override
    protected boolean hostlessRequestsReachTheApplication() {
        return !CONTAINER.equals("wildfly");
    }
}
