package dev.switch101.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war).addPackage(TestEndpoints.class.getPackage());
        if (System.getProperty("arquillian.launch", "").startsWith("tomcat")) {
            withJasperlessTomcat(archive);
        }
        return archive;
    }

    /** Adds {@link JasperlessTomcat} to the WAR's own {@code META-INF/context.xml} (Tomcat reads it when it deploys the WAR). */
    private static void withJasperlessTomcat(WebArchive archive) {
        String path = "META-INF/context.xml";
        Node node = archive.get(path);
        if (node == null) {
            throw new IllegalStateException("the WAR has no " + path);
        }
        String context;
        try (InputStream in = node.getAsset().openStream()) {
            context = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String selfClosing = context.replaceFirst("(<Context\\b[^>]*?)\\s*/>",
                "$1>\n  <Listener className=\"" + JasperlessTomcat.class.getName() + "\"/>\n</Context>");
        if (selfClosing.equals(context)) {
            throw new IllegalStateException("unexpected " + path + " (a self-closing <Context/> was expected): " + context);
        }
        archive.delete(path);
        archive.add(new StringAsset(selfClosing), path);
    }
}
