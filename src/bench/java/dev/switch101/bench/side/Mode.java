package dev.switch101.bench.side;

import java.util.List;

/** Which implementation serves the WebSocket endpoints of a run. */
enum Mode {
    /** Switch101's engine (and its Jakarta API layer) with its defaults; the container's own is switched off. */
    SWITCH101("switch101", "switch101", List.of()),
    /**
     * The same WAR and server, with {@code dev.switch101.inlineCallbacks=true} (a system property,
     * which Switch101 reads where the WAR sets no context-param): callbacks run on the container
     * thread that read the message.
     */
    SWITCH101_INLINE("switch101-inline", "switch101", List.of("-Ddev.switch101.inlineCallbacks=true")),
    /** The container's own WebSocket implementation; no Switch101 in the WAR. */
    NATIVE("native", "native", List.of());

    private final String dirName;
    private final String warDir;
    private final List<String> jvmOptions;

    Mode(String dirName, String warDir, List<String> jvmOptions) {
        this.dirName = dirName;
        this.warDir = warDir;
        this.jvmOptions = jvmOptions;
    }

    /** Part of this mode's server's name and work directory. */
    String dirName() {
        return dirName;
    }

    /** Directory of this mode's WAR under the bench directory. */
    String warDir() {
        return warDir;
    }

    /** Whether Switch101 serves (the container's own WebSocket is switched off). */
    boolean switch101() {
        return this != NATIVE;
    }

    /** JVM options of this mode's server, besides the bench's own. */
    List<String> jvmOptions() {
        return jvmOptions;
    }
}
