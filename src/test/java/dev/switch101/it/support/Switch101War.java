package dev.switch101.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switch101.it.fixtures.TestEndpoints;

/** The WAR the build just packaged — integration tests deploy the real artifact, not a hand-made archive. */
public final class Switch101War {

    private Switch101War() {
    }

    /**
     * @return target/switch101.war (context root /switch101) plus the test fixtures: endpoints
     *         that exist only to pin failure behaviour ({@code dev.switch101.it.fixtures})
     */
    public static WebArchive create() {
        File war = new File(System.getProperty("switch101.war", "target/switch101.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war + ": run the integration tests through 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addPackage(TestEndpoints.class.getPackage());
    }
}
