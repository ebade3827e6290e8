package dev.switch101.upgrade;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP/1.1 Upgrade mechanism for a web application (RFC 9110 §7.8): for a request that
 * offers protocols in {@code Upgrade}, asks the registered {@link UpgradeProtocol}s in the
 * client's order of preference and switches to the first that accepts — or answers the
 * first refusal, or, if no protocol wants the request, lets it go on untouched, as HTTP
 * asks of a server that will not upgrade.
 *
 * <p>Declare it in {@code web.xml} (or use the engine jar's {@code web-fragment.xml}) so it
 * runs before the container's own filters.
 */
public class UpgradeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(UpgradeFilter.class.getName());

    private transient UpgradeRegistry registry;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        registry = UpgradeRegistry.of(config.getServletContext());
    }

    /** The application is stopping: the registered protocols close their connections. */
    @Override
    public void destroy() {
        if (registry != null) {
            registry.shutdown();
        }
        super.destroy();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Every request of the application passes here: the common case costs one header lookup.
        if (request.getHeader("Upgrade") == null || UpgradeRequests.isHttp2OrLater(request.getProtocol())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> upgrade = UpgradeRequests.headers(request, "Upgrade");
        UpgradeRegistry.Selection selection;
        try {
            selection = registry.select(request, ProtocolToken.offers(upgrade), UpgradeRequests.canSwitch(request));
        } catch (RuntimeException e) {
            // Application code (an endpoint's handshake hook, its constructor) failed: log it
            // for the operator, tell the client no more than that, and switch nothing.
            LOG.log(Level.ERROR, "Upgrade failed for " + request.getRequestURI(), e);
            refuse(response, new UpgradeDecision.Refuse(500, "Upgrade failed: internal server error", Map.of()));
            return;
        }
        if (selection == null) {
            // No protocol wants it (or HTTP forbids switching): the ordinary response.
            chain.doFilter(request, response);
        } else if (selection.decision() instanceof UpgradeDecision.Accept accept) {
            switchProtocols(request, response, selection.protocol().token(), accept);
        } else {
            refuse(response, (UpgradeDecision.Refuse) selection.decision());
        }
    }

    private static void switchProtocols(HttpServletRequest request, HttpServletResponse response,
            ProtocolToken protocol, UpgradeDecision.Accept accept) throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        // The 101 names exactly the protocol switched to (RFC 9110 §15.2.2).
        response.setHeader("Upgrade", protocol.toString());
        response.setHeader("Connection", "Upgrade");
        accept.headers().forEach(response::setHeader);
        // The container instantiates the handler class; the protocol's own handler, already
        // built with everything it negotiated, is attached to it before init() can run.
        request.upgrade(DelegatingUpgradeHandler.class).attach(accept.handler());
    }

    private static void refuse(HttpServletResponse response, UpgradeDecision.Refuse refusal) throws IOException {
        // setStatus and our own body, not sendError: the container's error page would make the
        // answer differ between containers, and a client wants the short reason.
        response.setStatus(refusal.status());
        refusal.headers().forEach(response::setHeader);
        byte[] body = (refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
