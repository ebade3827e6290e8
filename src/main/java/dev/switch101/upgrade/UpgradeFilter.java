package dev.switch101.upgrade;

import java.io.IOException;
import java.lang.System.Logger.Level;
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
            UpgradeAnswers.refuse(response,
                    new UpgradeDecision.Refuse(500, "Upgrade failed: internal server error", Map.of()));
            return;
        }
        if (selection == null) {
            // No protocol wants it (or HTTP forbids switching): the ordinary response.
            chain.doFilter(request, response);
        } else {
            UpgradeAnswers.answer(request, response, selection.protocol().token(), selection.decision());
        }
    }
}
