package dev.switch101.it.pojo;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.Switch101War;
import dev.switch101.it.pojo.endpoints.EchoPojo;

/**
 * {@link PojoChecks} on our engine in each container: the endpoints are scanned and deployed by
 * our ServerContainer as ordinary {@code @ServerEndpoint} classes.
 */
@ExtendWith(ArquillianExtension.class)
class PojoOnEngineIT extends PojoChecks {

    @Deployment(testable = false)
    static WebArchive war() {
        return Switch101War.create().addPackage(EchoPojo.class.getPackage());
    }

    @ArquillianResource
    private URL base;

    @Override
    protected String wsBase() {
        return base.toString().replaceFirst("^http", "ws");
    }
}
