package dev.switch101.server;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionNegotiator;
import dev.switch101.extension.ExtensionOffer;
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
import dev.switch101.upgrade.RequestTarget;
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
    static final String NOT_WEBSOCKET = "Upgrade header must contain websocket";
    static final String NOT_HTTP11 = "WebSocket upgrade requires HTTP/1.1 (HTTP/2 has no Upgrade)";

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
        WebSocketServer.Match match = UpgradeRequests.pathWithinApplication(request).map(server::match).orElse(null);
        if (match == null) {
            return UpgradeDecision.decline(); // no endpoint here: the container's ordinary answer (404)
        }
        return handshake(request, match.endpoint(), match.pathParameters());
    }

    /**
     * The handshake of a request handed over directly (Jakarta's {@code upgradeHttpToWebSocket}),
     * which has not passed the {@link dev.switch101.upgrade.UpgradeFilter}: first what the filter
     * makes sure of before a protocol sees a request — an HTTP/1.x request (HTTP/2 cannot switch
     * protocols), a well-formed target, an {@code Upgrade} header that names websocket — each
     * refused with 400, then {@link #handshake}.
     */
    UpgradeDecision handshakeHandedOver(HttpServletRequest request, EndpointRegistration endpoint,
            Map<String, String> pathParameters) {
        if (UpgradeRequests.isHttp2OrLater(request.getProtocol())) {
            return UpgradeDecision.refuse(400, NOT_HTTP11, Map.of());
        }
        Optional<String> malformed = RequestTarget.problem(request);
        if (malformed.isPresent()) {
            return UpgradeDecision.refuse(400, "Malformed request target: " + malformed.get(), Map.of());
        }
        if (ProtocolToken.offers(UpgradeRequests.headers(request, "Upgrade")).stream().noneMatch(TOKEN::acceptsOffer)) {
            return UpgradeDecision.refuse(400, NOT_WEBSOCKET, Map.of());
        }
        return handshake(request, endpoint, pathParameters);
    }

    /**
     * The opening handshake of a request for {@code endpoint}: refused (400, 426, 403) or accepted,
     * with the 101's headers and the connection's upgrade handler.
     */
    UpgradeDecision handshake(HttpServletRequest request, EndpointRegistration endpoint,
            Map<String, String> pathParameters) {
        HandshakeRequest handshake = new ServletHandshakeRequest(request);
        OriginPolicy policy = endpoint.originPolicy() != null ? endpoint.originPolicy() : server.originPolicy();
        // An endpoint's own Origin check replaces the policy: the validator then leaves the Origin
        // alone, but still tells the page's host through the trusted proxies (the host allow-list).
        OriginPolicy validated = endpoint.originCheck() == null ? policy
                : policy.allow(List.of(OriginPolicy.ANY, OriginPolicy.NULL_ORIGIN)).requireOrigin(false);
        Optional<Refusal> refusal = new HandshakeValidator(validated, server.allowedHosts()).validate(handshake);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            return UpgradeDecision.refuse(r.status(), r.reason(), r.headers());
        }
        if (endpoint.originCheck() != null && !endpoint.originCheck().permits(handshake, policy)) {
            return UpgradeDecision.refuse(403, HandshakeValidator.ORIGIN_REASON, Map.of());
        }

        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Sec-WebSocket-Accept", List.of(AcceptKey.of(HandshakeValidator.key(handshake))));
        List<String> offered = Subprotocols.offered(handshake);
        Optional<String> subprotocol = endpoint.subprotocolSelector().apply(offered, endpoint.subprotocols());
        if (subprotocol.isPresent()) {
            if (!offered.contains(subprotocol.get())) {
                // RFC 6455 §4.2.2: the server must answer with one of the client's values.
                throw new IllegalStateException("Subprotocol selector chose '" + subprotocol.get()
                        + "', which the client did not offer " + offered);
            }
            headers.put("Sec-WebSocket-Protocol", List.of(subprotocol.get()));
        }
        List<ExtensionOffer> offers = ExtensionOfferParser.parse(handshake.headers(ExtensionOfferParser.HEADER),
                malformed -> LOG.log(Level.DEBUG, "Malformed extension offer ignored: {0}", malformed));
        ExtensionChoice choice = server.extensionsFor(endpoint);
        List<Extension> extensions = choice.negotiator()
                .negotiate(endpoint.extensionSelector().select(choice.names(), offers));
        List<String> accepted = new ArrayList<>(extensions.size());
        for (Extension extension : extensions) {
            accepted.add(extension.response().toHeaderValue());
        }
        ExtensionNegotiator.responseHeader(extensions)
                .ifPresent(value -> headers.put(ExtensionOfferParser.HEADER, List.of(value)));
        PendingHandshake pending = new PendingHandshake(request, pathParameters, subprotocol.orElse(""), accepted);
        endpoint.hook().modifyHandshake(pending);
        // The handler last: it may hold an endpoint instance (CDI), released when its connection
        // ends, or here if the connection cannot be made. What the connection keeps is read after
        // it: the handler's factory may ask to keep the request headers too.
        FrameHandler handler = endpoint.handlers().apply(pending);
        HandshakeInfo info;
        try {
            info = pending.info();
            pending.addTo(headers);
        } catch (RuntimeException | Error e) {
            handler.onAbandoned();
            throw e;
        }
        Limits limits = endpoint.limits() != null ? endpoint.limits() : server.limits();
        boolean inline = Objects.requireNonNullElse(endpoint.inlineCallbacks(), server.inlineCallbacks());
        return UpgradeDecision.acceptWithHeaders(headers, new WebSocketUpgradeHandler(handler, info, limits,
                server.dispatch().executor(), inline, server.sessions(), server.readResumption(), extensions));
    }

    @Override
    public void shutdown() {
        server.shutdown();
    }
}
