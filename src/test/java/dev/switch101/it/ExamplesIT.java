package dev.switch101.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.examples.ExamplesChecks;
import dev.switch101.it.support.JakartaExamples;
import dev.switch101.it.support.Switch101War;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The annotated examples on Switch101, in each container (skipped, saying why, until @ServerEndpoint support is in the build). */
@ExtendWith(ArquillianExtension.class)
class ExamplesIT extends ExamplesChecks {

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    public static WebArchive war() {
        return Switch101War.create();
    }

    @BeforeEach
    void requireJakartaSupport() {
        assumeTrue(JakartaExamples.deployable(), JakartaExamples.NOT_YET);
    }

    @Override
    protected URL base() {
        return deployed;
    }
}
