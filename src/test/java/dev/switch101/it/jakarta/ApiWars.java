package dev.switch101.it.jakarta;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.switch101.it.jakarta.fixtures.ApiEndpoints;
import dev.switch101.it.jakarta.fixtures.ListenerAddedEndpoint;
import dev.switch101.it.jakarta.fixtures.ListenerRegistration;
import dev.switch101.it.jakarta.fixtures.Report;
import dev.switch101.it.jakarta.fixtures.WhoServesEndpoint;
import dev.switch101.it.jakarta.fixtures.plain.PlainEchoEndpoint;

/** The WARs of the API integration tests. */
final class ApiWars {

    static final String API = "jakarta-api";
    static final String BUILTIN = "plain-builtin";

    private ApiWars() {
    }

    /**
     * @return the deployment URL of the WAR named {@code warName} on the server Arquillian
     *         injected: Arquillian's own URL lacks the context root when a WAR declares no servlet
     */
    static URL base(URL injected, String warName) {
        try {
            return new URL(injected.getProtocol(), injected.getHost(), injected.getPort(), "/" + warName + "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * @return the packaged Switch101 WAR (engine, web.xml, Tomcat's context.xml) renamed to
     *         {@code name}.war, so its context root is {@code /name}, without the test endpoints of
     *         other suites and without the examples' {@code ServerApplicationConfig}
     */
    static WebArchive switch101(String name) {
        File war = new File(System.getProperty("switch101.war", "target/switch101.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war + ": run the integration tests through 'mvn verify'");
        }
        // Without the examples' ServerApplicationConfig: configurations are united (WebSocket 2.1
        // §6.2), and the examples' one selects every scanned class, which would undo what the API
        // suite's own configuration filters out.
        WebArchive archive = ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
        archive.delete("/WEB-INF/classes/dev/switch101/examples/ExamplesApplicationConfig.class");
        return archive;
    }

    /** @return Switch101 plus every valid API test endpoint (context root /jakarta-api) */
    static WebArchive api() {
        return api(API);
    }

    /** @return Switch101 plus every valid API test endpoint, as {@code name}.war */
    static WebArchive api(String name) {
        return switch101(name)
                .addPackage(ApiEndpoints.class.getPackage())
                .addPackage(PlainEchoEndpoint.class.getPackage());
    }

    /** @return Switch101 plus one invalid endpoint (or pair) that must make the deployment fail */
    static WebArchive invalid(InvalidEndpoints invalid) {
        return switch101(invalid.warName()).addClasses(invalid.classes().toArray(Class<?>[]::new));
    }

    /**
     * @return a WAR for the container's own WebSocket implementation: no Switch101 class and not
     *         Switch101's {@code META-INF/context.xml} (whose containerSciFilter switches Tomcat's
     *         implementation off), just the plain echo and the fixtures that say who serves
     *         (context root /plain-builtin). Its own context.xml keeps the test JVM's class path
     *         out, which the embedded Tomcat treats as the container's: it holds Switch101's
     *         classes (target/classes, whose ServletContainerInitializer Tomcat would run for every
     *         WAR as a container-provided one) and tyrus-server's ServerApplicationConfig (no no-arg
     *         constructor: Tomcat's WsSci fails the start when its class-path scan meets it).
     */
    static WebArchive withoutSwitch101() {
        return ShrinkWrap.create(WebArchive.class, BUILTIN + ".war")
                .addClasses(PlainEchoEndpoint.class, WhoServesEndpoint.class, Report.class,
                        ListenerRegistration.class, ListenerAddedEndpoint.class)
                .addClass("dev.switch101.it.jakarta.fixtures.ServerContainerSeen")
                .addAsManifestResource(new StringAsset(
                        "<Context containerSciFilter=\"dev\\.switch101\\..*\"><JarScanner scanClassPath=\"false\"/></Context>\n"), "context.xml");
    }
}
