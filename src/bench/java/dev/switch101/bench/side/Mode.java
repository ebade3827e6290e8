package dev.switch101.bench.side;

/** Which implementation serves the WebSocket endpoints of a run. */
enum Mode {
    /** Switch101's engine (and its Jakarta API layer); the container's own is switched off. */
    SWITCH101("switch101"),
    /** The container's own WebSocket implementation; no Switch101 in the WAR. */
    NATIVE("native");

    private final String dirName;

    Mode(String dirName) {
        this.dirName = dirName;
    }

    /** Directory of this mode's WAR under the bench directory, and part of its server's name. */
    String dirName() {
        return dirName;
    }
}
