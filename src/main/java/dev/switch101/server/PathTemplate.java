package dev.switch101.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint path with optional variables, e.g. {@code /chat/{room}}: a relative URI or a
 * level-1 URI template (Jakarta WebSocket 2.1 §3.1.1, RFC 6570 level 1), where each variable
 * is a whole path segment and stands for exactly one segment of a request path.
 *
 * <p>Rules: the template starts with {@code '/'}; no empty segment except a trailing one (so
 * {@code /a/} is a path of its own, {@code /a//b} is refused); a variable is a whole segment
 * whose name is a RFC 6570 varname ({@code ALPHA / DIGIT / "_" / pct-encoded}, with inner
 * dots), each name used once. A variable never matches an empty segment, nor {@code .} or
 * {@code ..} (those are not values, they are path navigation).
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;
    private final List<String> names;

    /**
     * @throws IllegalArgumentException naming the template and the rule it breaks
     */
    public PathTemplate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("The path '" + template + "' does not start with '/'");
        }
        this.template = template;
        this.segments = split(template);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.isEmpty() && i < segments.size() - 1) {
                throw new IllegalArgumentException("The path '" + template + "' has an empty segment");
            }
            if (isVariable(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                if (!isVarname(name)) {
                    throw new IllegalArgumentException("The path '" + template + "' has an invalid variable name '"
                            + name + "'");
                }
                if (seen.contains(name)) {
                    throw new IllegalArgumentException("The path '" + template + "' uses the variable '" + name
                            + "' twice");
                }
                seen.add(name);
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("The path '" + template + "' has a variable that is not a whole "
                        + "segment: '" + segment + "'");
            }
        }
        this.names = List.copyOf(seen);
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** Whether the template has no variables. */
    public boolean isExact() {
        return names.isEmpty();
    }

    /** The variables' names, left to right. */
    public List<String> variables() {
        return names;
    }

    /**
     * Whether two templates match exactly the same request paths: the same segments, with
     * variables in the same places whatever their names ({@code /a/{x}} and {@code /a/{y}}).
     * An application must not map two endpoints to equivalent paths (§3.1.1).
     */
    public boolean isEquivalentTo(PathTemplate other) {
        if (other.segments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String mine = segments.get(i);
            String theirs = other.segments.get(i);
            boolean variable = isVariable(mine);
            if (variable != isVariable(theirs) || (!variable && !mine.equals(theirs))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders two templates that both match a request path by the §3.1.1 preference: walking the
     * segments left to right, at the first place where one has a literal segment and the other a
     * variable, the literal one is preferred. Hence an exact path beats every template.
     *
     * @return negative if this template is preferred, positive if {@code other} is, 0 if equivalent
     */
    public int comparePreference(PathTemplate other) {
        int count = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < count; i++) {
            boolean mine = isVariable(segments.get(i));
            boolean theirs = isVariable(other.segments.get(i));
            if (mine != theirs) {
                return mine ? 1 : -1;
            }
        }
        return 0;
    }

    /**
     * Matches a path within the application (same segment count, literal segments equal,
     * each variable one non-empty segment other than {@code .} and {@code ..}).
     *
     * @return the variables' values (empty for an exact template), or {@code null} if the path does not match
     */
    public Map<String, String> match(String path) {
        // Walks the path's segments in place: this runs for every endpoint a handshake could be
        // for, so it allocates nothing unless the template has variables and the path matches.
        Map<String, String> values = null;
        int start = path.startsWith("/") ? 1 : 0;
        for (int i = 0; i < segments.size(); i++) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if ((slash < 0) != (i == segments.size() - 1)) {
                return null; // the path has fewer or more segments than the template
            }
            String segment = segments.get(i);
            if (!isVariable(segment)) {
                if (end - start != segment.length() || !path.startsWith(segment, start)) {
                    return null;
                }
            } else {
                String part = path.substring(start, end);
                if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                    return null;
                }
                if (values == null) {
                    values = new LinkedHashMap<>();
                }
                values.put(segment.substring(1, segment.length() - 1), part);
            }
            start = end + 1;
        }
        return values == null ? Map.of() : values;
    }

    private static boolean isVariable(String segment) {
        return segment.length() >= 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    /** RFC 6570 §2.3: varname = varchar *( ["."] varchar ), varchar = ALPHA / DIGIT / "_" / pct-encoded. */
    private static boolean isVarname(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                if (i + 2 >= name.length() || !isHex(name.charAt(i + 1)) || !isHex(name.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!(c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static List<String> split(String path) {
        // "/a/b" -> [a, b]; "/" -> [""]; a trailing slash is a segment of its own.
        return List.of(path.substring(path.startsWith("/") ? 1 : 0).split("/", -1));
    }

    @Override
    public String toString() {
        return template;
    }
}
