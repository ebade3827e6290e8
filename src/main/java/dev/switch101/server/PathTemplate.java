package dev.switch101.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint path with optional variables, e.g. {@code /chat/{room}}: each variable stands
 * for exactly one non-empty path segment. Matching is exact otherwise (no wildcards), which is
 * what a WebSocket server path (Jakarta WebSocket §3.1.1, a level-1 URI template) means.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;

    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with '/': " + template);
        }
        this.template = template;
        this.segments = split(template);
        List<String> seen = new ArrayList<>();
        for (String segment : segments) {
            if (isVariable(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                if (name.isEmpty() || seen.contains(name)) {
                    throw new IllegalArgumentException("Bad or duplicated variable in " + template);
                }
                seen.add(name);
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw new IllegalArgumentException("A variable must be a whole segment: " + template);
            }
        }
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** Whether the template has no variables. */
    public boolean isExact() {
        return segments.stream().noneMatch(PathTemplate::isVariable);
    }

    /**
     * Matches a path within the application.
     *
     * @return the variables' values (empty for an exact template), or {@code null} if the path does not match
     */
    public Map<String, String> match(String path) {
        List<String> parts = split(path);
        if (parts.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            String part = parts.get(i);
            if (isVariable(segment)) {
                if (part.isEmpty()) {
                    return null;
                }
                values.put(segment.substring(1, segment.length() - 1), part);
            } else if (!segment.equals(part)) {
                return null;
            }
        }
        return values;
    }

    private static boolean isVariable(String segment) {
        return segment.length() >= 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
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
