package dev.switch101.upgrade;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private static final RateLimitedLog MALFORMED_TARGETS = new RateLimitedLog(LOG, Duration.ofMinutes(1), System::nanoTime);
    /** How much of a request target a log line quotes. */
    private static final int LOGGED_TARGET_CHARS = 200;

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
        List<ProtocolToken> offers = ProtocolToken.offers(UpgradeRequests.headers(request, "Upgrade"));
        Optional<String> malformed = RequestTarget.problem(request);
        if (malformed.isPresent()) {
            if (registry.wantsAny(offers)) {
                // One line, no stack trace, and at most once a minute per cause: any client can send these.
                String reason = "Malformed request target: " + malformed.get();
                MALFORMED_TARGETS.log(Level.INFO, malformed.get(), () -> "Upgrade refused with 400 (" + reason
                        + "): " + request.getMethod() + " " + printable(request.getRequestURI(), request.getQueryString()));
                UpgradeAnswers.refuse(response, new UpgradeDecision.Refuse(400, reason, Map.of()));
            } else {
                chain.doFilter(request, response); // not ours to judge
            }
            return;
        }
        UpgradeRegistry.Selection selection;
        try {
            selection = registry.select(request, offers, UpgradeRequests.canSwitch(request));
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

    /** The target for a log line: control and non-ASCII characters escaped (no log injection), cut short. */
    static String printable(String path, String query) {
        String target = query == null ? path : path + "?" + query;
        StringBuilder out = new StringBuilder(Math.min(target.length(), LOGGED_TARGET_CHARS) + 8);
        for (int i = 0; i < target.length() && out.length() < LOGGED_TARGET_CHARS; i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() < target.length() ? out.append("...").toString() : out.toString();
    }
}
