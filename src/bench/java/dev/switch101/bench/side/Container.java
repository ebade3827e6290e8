package dev.switch101.bench.side;

import java.io.IOException;
import java.nio.file.Path;

/** A container the benchmark starts, once per {@link Mode}, all of them up at once on ports of their own. */
interface Container {

    /** Name and version, for the table. */
    String title();

    /** How it is started, for the table's notes. */
    String howStarted();

    /** The HTTP port of {@code mode}'s server. */
    int port(Mode mode);

    /** Starts it serving {@code war} (context root /switch101) in {@code mode}, on {@link #port(Mode)}. */
    ServerProcess start(Mode mode, Path war) throws IOException, InterruptedException;
}
