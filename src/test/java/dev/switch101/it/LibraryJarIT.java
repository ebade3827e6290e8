package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.library.LibraryAnnotatedEndpoint;
import dev.switch101.it.library.LibraryApp;
import dev.switch101.it.support.RawWebSocket;

/**
 * The engine as a plain library: {@code target/switch101-engine.jar} in another application's
 * WEB-INF/lib, with no web.xml — its web-fragment installs the Upgrade filter — and the
 * Tomcat switch in META-INF/context.xml, as README's deployment guide says. The jar's
 * ServletContainerInitializer deploys the application's {@code @ServerEndpoint} classes.
 */
@ExtendWith(ArquillianExtension.class)
class LibraryJarIT {

    @Deployment(testable = false)
    static WebArchive war() {
        File engine = new File(System.getProperty("switch101.engineJar", "target/switch101-engine.jar"));
        // The same META-INF/context.xml as the demo WAR: on Tomcat, it switches the built-in
        // WebSocket support off for this application (WildFly ignores it).
        return ShrinkWrap.create(WebArchive.class, "library.war")
                .addAsLibrary(engine)
                .addAsManifestResource(new File("webapp/META-INF/context.xml"), "context.xml")
                .addClasses(LibraryApp.class, LibraryApp.LengthHandler.class, LibraryAnnotatedEndpoint.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void engineJarServesAnotherApplicationsEndpoint() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "ws")) {
            ws.sendText("twelve bytes");
            assertEquals("length=12", ws.readText());
        }
    }

    @Test
    void engineJarDeploysAnotherApplicationsAnnotatedEndpoint() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "annotated")) {
            ws.sendText("hello");
            assertEquals("hello via dev.switch101.jakarta.session.JakartaSession", ws.readText());
        }
    }
}
