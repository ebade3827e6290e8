package dev.switch101.it.conformance;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.Switch101War;

/** {@link FramingChecks} against the engine, in each container. */
@ExtendWith(ArquillianExtension.class)
class FramingIT extends FramingChecks {

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
}
