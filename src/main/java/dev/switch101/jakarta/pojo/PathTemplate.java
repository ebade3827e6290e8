package dev.switch101.jakarta.pojo;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variable names of a level-1 URI template such as {@code /chat/{room}/{user}}: what a
 * {@code @PathParam} may name (WebSocket 2.1 §4.3). Matching requests against templates is the
 * container's job; this reads names only.
 */
final class PathTemplate {

    private PathTemplate() {
    }

    /** The names of the segments that are a whole {@code {variable}}, in order. */
    static Set<String> variables(String path) {
        Set<String> names = new LinkedHashSet<>();
        if (path == null) {
            return names;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }
}
