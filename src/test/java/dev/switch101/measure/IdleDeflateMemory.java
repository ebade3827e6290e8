package dev.switch101.measure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Measures what one idle connection that negotiated permessage-deflate costs the server, in an
 * embedded Tomcat 11 in this JVM: used heap after GC, and the process's resident memory (with the
 * heap fully committed and touched up front, so that RSS growth is native memory: zlib's state,
 * buffers, thread stacks). Node {@code ws} clients (a separate process,
 * {@code src/test/clients/idle-deflate-clients.mjs}) open the connections, each sends one 2 KB
 * compressible message and reads its echo, then they all stay open and idle.
 *
 * <p>Usage (the test classpath, e.g. from {@code mvn dependency:build-classpath}):
 * {@code java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp target/test-classes:target/classes:CP
 * dev.switch101.measure.IdleDeflateMemory switch101|tomcat CONNECTIONS PORT}. {@code switch101}
 * deploys the packaged WAR (Tomcat's WebSocket off, Switch101's echo with its default policy);
 * {@code tomcat} deploys Tomcat's own WebSocket with an echo endpoint (Tomcat accepts
 * permessage-deflate by default). Prints one line of figures.
 */
public final class IdleDeflateMemory {

    private IdleDeflateMemory() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int connections = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        Path base = Files.createTempDirectory("idle-deflate");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.getConnector().setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getHost().setAppBase(base.toString());
        String path;
        if (mode.equals("switch101")) {
            tomcat.addWebapp("/switch101", new File("target/switch101.war").getAbsolutePath());
            path = "/switch101/echo";
        } else {
            Context context = tomcat.addContext("/tomcat", base.toString());
            // A request needs a servlet mapped to reach Tomcat's WsFilter.
            Tomcat.addServlet(context, "default", new jakarta.servlet.http.HttpServlet() {
                private static final long serialVersionUID = 1L;
            });
            context.addServletMappingDecoded("/", "default");
            context.addServletContainerInitializer(new WsSci(), null);
            context.addServletContainerInitializer((classes, servletContext) -> {
                ServerContainer container = (ServerContainer) servletContext.getAttribute(
                        ServerContainer.class.getName());
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(Echo.class, "/echo").build());
                } catch (jakarta.websocket.DeploymentException e) {
                    throw new jakarta.servlet.ServletException(e);
                }
            }, null);
            path = "/tomcat/echo";
        }
        tomcat.start();
        String url = "ws://127.0.0.1:" + port + path;

        // Warm up: the same clients once, so classes, pools and caches exist before the baseline.
        runClients(url, Math.min(50, connections), false);
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rss();
        Process clients = runClients(url, connections, true);
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rss();
        System.out.printf("%s: %d idle compressed connections: heap +%d bytes (%d per connection), "
                + "RSS +%d bytes (%d per connection)%n", mode, connections, heapAfter - heapBefore,
                (heapAfter - heapBefore) / connections, rssAfter - rssBefore, (rssAfter - rssBefore) / connections);
        clients.destroy();
        clients.waitFor();
        tomcat.stop();
        tomcat.destroy();
        System.exit(0);
    }

    /** Starts the clients; returns once they are all connected, compressed, echoed and idle. */
    private static Process runClients(String url, int connections, boolean keep) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(List.of("node", "src/test/clients/idle-deflate-clients.mjs", url,
                Integer.toString(connections))).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("idle ")) {
            throw new IllegalStateException("clients failed: " + line);
        }
        if (!keep) {
            process.destroy();
            process.waitFor();
            Thread.sleep(2000); // the server notices the closes
        }
        return process;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    /** Tomcat's own WebSocket: echo text and binary. */
    public static final class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                session.getAsyncRemote().sendText(text);
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
        }
    }
}
