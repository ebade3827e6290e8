package dev.switch101.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat 11 in a process of its own, for measurements that must not share a heap
 * with their client. Arguments: port, base directory, then {@code /contextPath=/path/to.war}
 * pairs. The connector takes up to 20,000 connections (Tomcat's default is 8,192). A WAR's own
 * {@code META-INF/context.xml} applies: Switch101's WAR switches Tomcat's WebSocket off for
 * itself, a WAR without one gets Tomcat's own.
 */
public final class TomcatServer {

    private TomcatServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path baseDir = Files.createDirectories(Path.of(args[1]));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setHostname("localhost");
        tomcat.getConnector().setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxConnections", "20000");
        tomcat.getConnector().setProperty("acceptCount", "1000");
        tomcat.getHost().setAppBase(baseDir.toString());
        for (int i = 2; i < args.length; i++) {
            String[] app = args[i].split("=", 2);
            tomcat.addWebapp(app[0], new File(app[1]).getAbsolutePath());
        }
        tomcat.start();
        System.out.println("READY " + port);
        tomcat.getServer().await();
    }
}
