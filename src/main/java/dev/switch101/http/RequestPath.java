package dev.switch101.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The path of a request target, read once and for all (RFC 3986 §3.3): split into segments at
 * {@code /}, path parameters dropped (everything from a segment's first {@code ;}, e.g.
 * {@code ;jsessionid=...}), each segment percent-decoded exactly once as UTF-8.
 *
 * <p>Decisions, so that what an endpoint is matched against is what the client meant and nothing
 * can be smuggled past a match:
 * <ul>
 *   <li>a raw control character, space or non-ASCII character is refused: a request-target is
 *       ASCII (RFC 9112 §3.2), and containers disagree on what such bytes would mean;
 *   <li>an encoded {@code /} ({@code %2F}) or NUL ({@code %00}) is refused, like a bad escape:
 *       decoded, it would either split a segment the client sent as one or hide in it, and the
 *       containers disagree about it (Tomcat refuses it, Undertow passes it undecoded);
 *   <li>a path with a {@code .} or {@code ..} segment (also encoded, {@code %2e%2e}) or an empty
 *       segment other than the last ({@code //}) is not {@linkplain #isNormal() normal}: it
 *       never matches an endpoint. The root path {@code /} is normal, and so is a trailing
 *       {@code /}: it is a segment of its own, which only a template ending in {@code /}
 *       matches ({@code /chat/} matches {@code /chat/}, {@code /chat} does not).
 * </ul>
 * Immutable.
 */
public final class RequestPath {

    /** The part of the target named in reasons. */
    private static final String WHERE = "the path";

    private final List<String> segments;

    private RequestPath(List<String> segments) {
        // "/" and "/;p" are the root: one empty segment is no segment, so the root has one form.
        boolean root = segments.size() == 1 && segments.get(0).isEmpty();
        this.segments = root ? List.of() : Collections.unmodifiableList(segments);
    }

    /**
     * Reads a raw path, as {@code HttpServletRequest.getRequestURI()} gives it (no query).
     *
     * @param rawPath the path as sent, e.g. {@code /app/chat;jsessionid=1/room%201}
     * @return the decoded path
     * @throws MalformedTargetException if a raw character is a control, a space or not ASCII, an
     *                                  escape is bad, encodes {@code /} or NUL, or the bytes are not UTF-8
     */
    public static RequestPath parse(String rawPath) {
        Objects.requireNonNull(rawPath, "rawPath");
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            // A request-target is ASCII without controls or spaces (RFC 9112 §3.2, RFC 3986 §2):
            // anything else has no single meaning once decoded, so it is not guessed at.
            if (c <= 0x20 || c >= 0x7F) {
                throw new MalformedTargetException("character not allowed in the path");
            }
        }
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return new RequestPath(segments);
        }
        for (String raw : path.split("/", -1)) {
            int parameters = raw.indexOf(';');
            String segment = PercentEncoding.decode(parameters < 0 ? raw : raw.substring(0, parameters), WHERE);
            if (segment.indexOf('/') >= 0) {
                throw new MalformedTargetException("encoded '/' in the path");
            }
            if (segment.indexOf('\0') >= 0) {
                throw new MalformedTargetException("encoded NUL in the path");
            }
            segments.add(segment);
        }
        return new RequestPath(segments);
    }

    /** @return the decoded segments, in order; empty for the root path */
    public List<String> segments() {
        return segments;
    }

    /**
     * @return whether no segment is {@code .} or {@code ..}, and none but the last is empty (the
     *         root {@code /} has no segment): only a normal path may match an endpoint
     */
    public boolean isNormal() {
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if ((segment.isEmpty() && i < segments.size() - 1) || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rest of this path after {@code prefix}'s segments, compared decoded, e.g. the path within
     * an application after its context path.
     *
     * @param prefix the leading path, e.g. the context path
     * @return the rest, or empty if this path does not start with {@code prefix}
     */
    public Optional<RequestPath> after(RequestPath prefix) {
        List<String> head = prefix.segments;
        if (head.size() > segments.size() || !segments.subList(0, head.size()).equals(head)) {
            return Optional.empty();
        }
        return Optional.of(new RequestPath(new ArrayList<>(segments.subList(head.size(), segments.size()))));
    }

    /** @return {@code /} and the decoded segments joined with {@code /}; {@code /} for the root */
    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
