package dev.switch101.it.support;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What an integration test runs against: the WAR that Arquillian deploys for the {@code *IT}
 * subclasses (which add {@code @ExtendWith(ArquillianExtension.class)}). The conformance
 * checks extend it too, and their Tyrus reference run overrides {@link #base()} with its own
 * server.
 */
public abstract class DeployedTarget {

    @ArquillianResource
    private URL deployedBase;

    /** The WAR under test; Arquillian finds this in the subclasses' hierarchy. */
    @Deployment(testable = false)
    public static WebArchive war() {
        return Switch101War.create();
    }

    /** @return the deployment URL, ending in '/' */
    protected URL base() {
        return deployedBase;
    }
}
