package dev.switch101.bench.side;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * The benchmark's server process for Tomcat: one WAR in an embedded Tomcat 11 on 127.0.0.1, as
 * the it-tomcat tests run it, until the process is ended (SIGTERM stops Tomcat properly).
 * Arguments: the WAR, the port, a work directory. Its class path must hold only Tomcat's jars
 * and this class, so that what serves WebSockets is decided by the WAR alone: the Switch101 WAR
 * brings the engine and switches Tomcat's own off (META-INF/context.xml); the native WAR
 * brings neither, and Tomcat's WsSci serves its endpoint.
 */
public final class BenchTomcat {

    private BenchTomcat() {
    }

    public static void main(String[] args) throws Exception {
        File war = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        Path baseDir = Files.createDirectories(Path.of(args[2]));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.getConnector().setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getHost().setAppBase(baseDir.toString());
        tomcat.addWebapp("/switch101", war.getAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat), "bench-tomcat-stop"));
        tomcat.start();
        System.out.println("bench-tomcat: serving " + war + " on 127.0.0.1:" + port);
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
