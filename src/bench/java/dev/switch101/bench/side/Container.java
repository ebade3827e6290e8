package dev.switch101.bench.side;

import java.io.IOException;
import java.nio.file.Path;

/** A container the benchmark starts, once per {@link Mode}. */
interface Container {

    /** Name and version, for the table. */
    String title();

    /** How it is started, for the table's notes. */
    String howStarted();

    int port();

    /** Starts it serving {@code war} (context root /switch101) in {@code mode}. */
    ServerProcess start(Mode mode, Path war) throws IOException, InterruptedException;
}
