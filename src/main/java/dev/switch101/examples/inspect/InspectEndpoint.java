package dev.switch101.examples.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Answers with what the server saw and decided in this connection's handshake, as one JSON
 * object: the request line and headers, the 101's headers, the negotiated subprotocol (of
 * {@code chat}, {@code superchat}) and extensions, and which WebSocket engine answered. Sent
 * when the connection opens, and again for every text message.
 */
@ServerEndpoint(value = "/inspect", subprotocols = {"chat", "superchat"}, configurator = InspectConfigurator.class)
public class InspectEndpoint {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final String VERSION = buildVersion();

    private String report;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        report = report(session, (HandshakeRecord) config.getUserProperties().get(InspectConfigurator.RECORD));
        session.getBasicRemote().sendText(report);
    }

    @OnMessage(maxMessageSize = 1024)
    public String again(String ignored) {
        return report;
    }

    static String report(Session session, HandshakeRecord handshake) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (handshake == null) {
            json.add("problem", "no handshake record: the Configurator was not called for this connection");
        } else {
            json.add("request", JSON.createObjectBuilder().add("line", handshake.requestLine())
                    .add("headers", headers(handshake.requestHeaders())));
            json.add("response", JSON.createObjectBuilder().add("status", 101)
                    .add("headers", headers(handshake.responseHeaders())));
        }
        json.add("subprotocol", session.getNegotiatedSubprotocol() == null ? "" : session.getNegotiatedSubprotocol());
        JsonArrayBuilder extensions = JSON.createArrayBuilder();
        for (Extension extension : session.getNegotiatedExtensions()) {
            extensions.add(extension.getName() + extension.getParameters().stream()
                    .map(p -> "; " + p.getName() + (p.getValue() == null ? "" : "=" + p.getValue()))
                    .collect(Collectors.joining()));
        }
        json.add("extensions", extensions);
        json.add("engine", engine(session.getContainer().getClass()));
        return json.build().toString();
    }

    private static JsonObjectBuilder engine(Class<?> container) {
        boolean ours = container.getName().startsWith("dev.switch101.");
        Package pkg = container.getPackage();
        String name = ours ? "Switch101" : pkg.getImplementationTitle() != null ? pkg.getImplementationTitle() : container.getName();
        String version = ours ? VERSION : pkg.getImplementationVersion();
        return JSON.createObjectBuilder().add("name", name).add("version", version == null ? "unknown" : version)
                .add("container", container.getName());
    }

    private static JsonObjectBuilder headers(Map<String, List<String>> headers) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        headers.forEach((name, values) -> {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            values.forEach(array::add);
            json.add(name, array);
        });
        return json;
    }

    /** The version Maven built (a filtered resource beside this class). */
    private static String buildVersion() {
        try (InputStream in = InspectEndpoint.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
