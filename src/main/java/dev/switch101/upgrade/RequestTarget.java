package dev.switch101.upgrade;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.http.MalformedTargetException;
import dev.switch101.http.PercentEncoding;
import dev.switch101.http.RequestPath;

/**
 * A request's target as the Upgrade mechanism reads it: checked once in {@link UpgradeFilter}
 * (a malformed one gets 400, see {@link #problem}), then the decoded path within the application
 * that protocols match on, and the full URI handed to applications.
 */
public final class RequestTarget {

    private RequestTarget() {
    }

    /**
     * What is wrong with the request's target, if anything: a bad percent-escape in the path or
     * the query, an encoded {@code /} or NUL in the path, a path that is not UTF-8, a URL that is
     * no URI.
     *
     * @param request the request
     * @return a one-line reason, or empty if the target can be read
     */
    public static Optional<String> problem(HttpServletRequest request) {
        try {
            RequestPath.parse(request.getRequestURI());
            uri(request);
            return Optional.empty();
        } catch (MalformedTargetException e) {
            // The exception is the verdict; its message is the reason, with no input quoted.
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The decoded path within the application (see {@link RequestPath}): the request's path after
     * the context path's segments, compared decoded, path parameters such as {@code ;jsessionid}
     * dropped.
     *
     * @param request the request
     * @return the path, starting with {@code /}, or empty if it can never match an endpoint: a
     *         malformed path, one with {@code .}, {@code ..} or empty segments, or one outside the
     *         context path
     */
    public static Optional<String> pathWithinApplication(HttpServletRequest request) {
        try {
            RequestPath path = RequestPath.parse(request.getRequestURI());
            // Containers differ in whether getContextPath() is the raw or the decoded form: compare decoded.
            return path.after(RequestPath.parse(request.getContextPath()))
                    .filter(RequestPath::isNormal)
                    .map(RequestPath::toString);
        } catch (MalformedTargetException e) {
            // Refused by the filter already; a protocol asked anyway gets "no match", not an exception.
            return Optional.empty();
        }
    }

    /**
     * The request's full URI, {@code getRequestURL()} and the query: what the container passed
     * (it may be lenient about {@code |}, {@code {}}, spaces...) escaped so that it is a URI.
     *
     * @param request the request
     * @return the URI
     * @throws MalformedTargetException if a percent-escape is bad or the URL is still no URI
     */
    public static URI uri(HttpServletRequest request) {
        // Built anew when asked, not kept as a request attribute: a container may keep an
        // upgraded request and its attributes for the connection's life (Undertow does), and a
        // parsed URI is some 400 bytes.
        try {
            return new URI(uriText(request));
        } catch (URISyntaxException e) {
            // E.g. a Host the container let through that no URI can carry: the same verdict.
            throw new MalformedTargetException("the request URL is not a URI");
        }
    }

    /**
     * The text of {@link #uri}, without parsing it as a URI: for a request whose target
     * {@link #problem} has passed, which the text then is.
     *
     * @param request the request
     * @return the escaped URL and query
     * @throws MalformedTargetException if a percent-escape is bad
     */
    public static String uriText(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            PercentEncoding.checkEscapes(query, "the query");
        }
        String url = request.getRequestURL().toString();
        PercentEncoding.checkEscapes(url, "the path");
        String escaped = PercentEncoding.escapeForUri(url);
        return query == null ? escaped : escaped + "?" + PercentEncoding.escapeForUri(query);
    }
}
