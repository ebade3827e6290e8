package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.jcontainer.RoomEndpoint;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.Switch101War;

/**
 * Jakarta WebSocket bootstrap on Switch101 (Jakarta WebSocket 2.1 §6): our initializer publishes
 * our ServerContainer, deploys what a ServerApplicationConfig selects and what a
 * ServletContextListener adds, closes deployment when the application has started, and serves
 * the endpoints through the engine with the configurator's handshake decisions.
 */
@ExtendWith(ArquillianExtension.class)
class JakartaBootstrapIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Switch101War.create().addPackage(RoomEndpoint.class.getPackage());
    }

    @ArquillianResource
    private URL base;

    private String probe() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "it/jakarta-container")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private RawHttp.Response handshake(String path, String... extraHeaderLines) throws Exception {
        RawWebSocket.Handshake handshake = RawWebSocket.Handshake.to(base, path);
        for (int i = 0; i + 1 < extraHeaderLines.length; i += 2) {
            handshake.add(extraHeaderLines[i], extraHeaderLines[i + 1]);
        }
        try (RawHttp http = RawHttp.connect(base)) {
            http.socket().setSoTimeout(RawWebSocket.READ_TIMEOUT_MILLIS);
            return http.send(handshake.toRequest()).readResponse();
        }
    }

    @Test
    void theServerContainerAttributeIsSwitch101sAndClosedAfterDeployment() throws Exception {
        String[] facts = probe().split("\n");
        assertEquals("dev.switch101.jakarta.server.EngineServerContainer", facts[0], "§6.4 attribute");
        // §6.4: endpoints are added during deployment only.
        assertEquals(IllegalStateException.class.getName(), facts[1]);
        // Switch101 has no client: ContainerProvider must not hand out our server container.
        System.out.println("[switch101] ContainerProvider.getWebSocketContainer(): " + facts[2]);
        assertNotEquals("dev.switch101.jakarta.server.EngineServerContainer", facts[2]);
    }

    @Test
    void modifyHandshakeHeadersReachThe101AndThePathTemplateFillsTheParameter() throws Exception {
        RawHttp.Response response = handshake("jakarta/rooms/kitchen", "X-Probe", "hello",
                "Sec-WebSocket-Protocol", "room.v2, room.v1");
        assertEquals(101, response.status(), response.statusLine() + " " + response.body());
        assertEquals(List.of("template"), response.headers("X-Served-By"));
        assertEquals(List.of("kitchen"), response.headers("X-Room"));
        assertEquals(List.of("[hello]"), response.headers("X-Probe"));
        // The configurator chose in the server's order (the default would take the client's first).
        assertEquals(List.of("room.v1"), response.headers("Sec-WebSocket-Protocol"));
    }

    @Test
    void anExactPathBeatsTheTemplate() throws Exception {
        // §3.1.1: /jakarta/rooms/lobby is deployed exactly as well as under /jakarta/rooms/{room}.
        RawHttp.Response response = handshake("jakarta/rooms/lobby");
        assertEquals(101, response.status(), response.statusLine());
        assertEquals(List.of("exact"), response.headers("X-Served-By"));
    }

    @Test
    void anEndpointAddedByAListenerIsServed() throws Exception {
        RawHttp.Response response = handshake("jakarta/from-listener");
        assertEquals(101, response.status(), response.statusLine());
        assertEquals(List.of("listener"), response.headers("X-Served-By"));
        assertEquals(404, handshake("jakarta/too-late").status(), "added after deployment: not served");
    }

    @Test
    void theConfiguratorsCheckOriginRefusesWith403() throws Exception {
        assertEquals(403, handshake("jakarta/rooms/kitchen", "Origin", "http://evil.example").status());
        // super.checkOrigin is the API's container default, the container's own (Switch101 registers
        // none: see DefaultConfigurator), which lets every Origin through on Tomcat and WildFly alike.
        assertEquals(101, handshake("jakarta/rooms/kitchen", "Origin", "http://other.example").status());
        // ... and the page's own origin is not.
        assertEquals(101, handshake("jakarta/rooms/kitchen", "Origin",
                "http://" + base.getHost() + ":" + base.getPort()).status());
    }

    @Test
    void endpointInstancesComeFromCdiWhereThereIsOneAndAreReleasedWithTheConnection() throws Exception {
        // Each connection gets its own instance (getEndpointInstance once per connection).
        int before = Integer.parseInt(probe().split("\n")[3].split(" ")[0]);
        try (RawWebSocket ws = RawWebSocket.connect(base, "jakarta/cdi")) {
            ws.sendClose(1000, "");
        }
        boolean wildfly = "wildfly".equals(System.getProperty("arquillian.launch"));
        String[] cdi = probe().split("\n")[3].split(" ");
        assertEquals(before + 1, Integer.parseInt(cdi[0]), "one instance for the connection");
        // WildFly has CDI: @Inject and @PostConstruct happened. Tomcat has none: plain construction.
        assertEquals(wildfly ? "injected" : "never", cdi[1]);
        if (wildfly) {
            // @PreDestroy once the connection has ended (the server ends it: the client closed).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (Integer.parseInt(cdi[2]) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                cdi = probe().split("\n")[3].split(" ");
            }
            assertEquals("1", cdi[2], "released with its connection");
        }
    }

    @Test
    void aScannedAnnotatedEndpointIsServedBySwitch101() throws Exception {
        CompletableFuture<String> echo = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath()
                        + "jakarta/annotated/kitchen"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                echo.complete(data.toString());
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("hello", true).get(10, TimeUnit.SECONDS);
            String reply = echo.get(10, TimeUnit.SECONDS);
            assertEquals("kitchen:", reply.substring(0, 8));
            assertTrue(reply.contains(":dev.switch101.jakarta."), "served by Switch101's Session: " + reply);
            assertTrue(reply.endsWith(":hello"), reply);
        } finally {
            ws.abort();
        }
    }

    @Test
    void theJdkClientCompletesTheHandshakeWithTheNegotiatedSubprotocol() throws Exception {
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("room.v2", "room.v1")
                .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath()
                        + "jakarta/rooms/kitchen"), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        try {
            assertEquals("room.v1", ws.getSubprotocol());
        } finally {
            ws.abort();
        }
    }
}
