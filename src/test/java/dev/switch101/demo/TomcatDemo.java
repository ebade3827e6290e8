package dev.switch101.demo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;

/**
 * Runs the demo: the packaged WAR in a real (embedded) Tomcat 11 on localhost, until Ctrl-C,
 * a signal, or the end of the Maven process that started it ({@link ParentWatch}).
 * Started by {@code mvn -Pdemo package}; arguments: the WAR, the port, a work directory.
 * The WAR's own {@code META-INF/context.xml} applies, so Tomcat's WebSocket support is off
 * and Switch101 serves the endpoints.
 */
public final class TomcatDemo {

    private TomcatDemo() {
    }

    public static void main(String[] args) throws Exception {
        File war = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        Path baseDir = Files.createDirectories(Path.of(args[2]));

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.getConnector().setPort(port);
        tomcat.getConnector().setProperty("address", "localhost");
        tomcat.getHost().setAppBase(baseDir.toString());
        tomcat.addWebapp("/switch101", war.getAbsolutePath());

        // Ctrl-C, a signal, or Maven ending: stop the container properly so open connections are
        // closed, not just dropped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat), "switch101-demo-stop"));
        ParentWatch.exitWithParent("Tomcat");
        tomcat.start();
        if (tomcat.getConnector().getState() != LifecycleState.STARTED) {
            // Tomcat logs the cause (typically the port in use) and starts without the connector.
            System.err.println("Tomcat could not listen on port " + port + " (see above): stopping");
            System.exit(1);
        }
        System.out.println();
        System.out.println("Switch101 demo on Tomcat: http://localhost:" + port + "/switch101/   (Ctrl-C stops it)");
        tomcat.getServer().await();
    }

    private static void stop(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("Stopping Tomcat failed: " + e);
        }
    }
}
