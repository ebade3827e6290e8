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

    /** The request attribute that keeps {@link #uri}'s answer. */
    private static final String URI_ATTRIBUTE = RequestTarget.class.getName() + ".uri";

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
        // Asked three times per handshake (the filter's check, the handshake info, the Jakarta
        // view of the request): built and parsed once, kept with the request.
        if (request.getAttribute(URI_ATTRIBUTE) instanceof URI known) {
            return known;
        }
        URI uri = buildUri(request);
        request.setAttribute(URI_ATTRIBUTE, uri);
        return uri;
    }

    private static URI buildUri(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            PercentEncoding.checkEscapes(query, "the query");
        }
        String url = request.getRequestURL().toString();
        PercentEncoding.checkEscapes(url, "the path");
        try {
            return new URI(PercentEncoding.escapeForUri(url)
                    + (query == null ? "" : "?" + PercentEncoding.escapeForUri(query)));
        } catch (URISyntaxException e) {
            // E.g. a Host the container let through that no URI can carry: the same verdict.
            throw new MalformedTargetException("the request URL is not a URI");
        }
    }
}
