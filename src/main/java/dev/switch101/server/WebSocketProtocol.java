package dev.switch101.server;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionNegotiator;
import dev.switch101.extension.ExtensionOfferParser;
import dev.switch101.handshake.AcceptKey;
import dev.switch101.handshake.HandshakeRequest;
import dev.switch101.handshake.HandshakeValidator;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.handshake.Refusal;
import dev.switch101.handshake.Subprotocols;
import dev.switch101.io.WebSocketUpgradeHandler;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.upgrade.ProtocolToken;
import dev.switch101.upgrade.UpgradeDecision;
import dev.switch101.upgrade.UpgradeProtocol;
import dev.switch101.upgrade.UpgradeRequests;

/**
 * WebSocket as a protocol of the general Upgrade mechanism: finds the endpoint for the path,
 * checks the opening handshake (RFC 6455 §4.2.1), negotiates subprotocol and extensions,
 * runs the application's handshake code, and accepts with our {@link WebSocketUpgradeHandler}.
 */
final class WebSocketProtocol implements UpgradeProtocol {

    private static final System.Logger LOG = System.getLogger(WebSocketProtocol.class.getName());
    private static final ProtocolToken TOKEN = ProtocolToken.of("websocket");

    private final WebSocketServer server;

    WebSocketProtocol(WebSocketServer server) {
        this.server = server;
    }

    @Override
    public ProtocolToken token() {
        return TOKEN;
    }

    @Override
    public UpgradeDecision decide(HttpServletRequest request, ProtocolToken offer) {
        WebSocketServer.Match match = server.match(UpgradeRequests.pathWithinApplication(request));
        if (match == null) {
            return UpgradeDecision.decline(); // no endpoint here: the container's ordinary answer (404)
        }
        EndpointRegistration endpoint = match.endpoint();
        HandshakeRequest handshake = new ServletHandshakeRequest(request);
        OriginPolicy policy = endpoint.originPolicy() != null ? endpoint.originPolicy() : server.originPolicy();
        Optional<Refusal> refusal = new HandshakeValidator(policy).validate(handshake);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            return UpgradeDecision.refuse(r.status(), r.reason(), r.headers());
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Sec-WebSocket-Accept", AcceptKey.of(handshake.header("Sec-WebSocket-Key")));
        List<String> offered = Subprotocols.offered(handshake);
        Optional<String> subprotocol = endpoint.subprotocolSelector().apply(offered, endpoint.subprotocols());
        if (subprotocol.isPresent()) {
            if (!offered.contains(subprotocol.get())) {
                // RFC 6455 §4.2.2: the server must answer with one of the client's values.
                throw new IllegalStateException("Subprotocol selector chose '" + subprotocol.get()
                        + "', which the client did not offer " + offered);
            }
            headers.put("Sec-WebSocket-Protocol", subprotocol.get());
        }
        List<Extension> extensions = new ExtensionNegotiator(server.extensionsFor(endpoint)).negotiate(
                ExtensionOfferParser.parse(handshake.headers(ExtensionOfferParser.HEADER),
                        malformed -> LOG.log(Level.DEBUG, "Malformed extension offer ignored: {0}", malformed)));
        ExtensionNegotiator.responseHeader(extensions).ifPresent(v -> headers.put(ExtensionOfferParser.HEADER, v));

        HandshakeInfo info = handshakeInfo(request, match.pathParameters(), subprotocol.orElse(""), extensions);
        Map<String, String> extra = new LinkedHashMap<>();
        endpoint.hook().modifyHandshake(info, extra);
        extra.forEach(headers::putIfAbsent); // the protocol's own headers are not the application's to change
        FrameHandler handler = endpoint.handlers().get();
        Limits limits = endpoint.limits() != null ? endpoint.limits() : server.limits();
        return UpgradeDecision.accept(headers, new WebSocketUpgradeHandler(handler, info, limits,
                server.dispatch().executor(), server.sessions(), server.readResumption(), extensions));
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }

    private static HandshakeInfo handshakeInfo(HttpServletRequest request, Map<String, String> pathParameters,
            String subprotocol, List<Extension> extensions) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), UpgradeRequests.headers(request, name));
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> parameters.put(k, List.of(v)));
        String query = request.getQueryString();
        URI uri = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
        List<String> accepted = new ArrayList<>();
        extensions.forEach(e -> accepted.add(e.response().toHeaderValue()));
        return new HandshakeInfo(uri, headers, query, parameters, pathParameters, subprotocol, accepted,
                request.getUserPrincipal(), request.getSession(false), request.isSecure());
    }
}
