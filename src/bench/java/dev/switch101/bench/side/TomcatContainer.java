package dev.switch101.bench.side;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tomcat 11 embedded, in a JVM of its own ({@link BenchTomcat}) whose class path holds only
 * Tomcat's jars (taken from this JVM's class path) and the launcher class.
 */
final class TomcatContainer implements Container {

    private final BenchSetup setup;
    private final String version;

    TomcatContainer(BenchSetup setup, String version) {
        this.setup = setup;
        this.version = version;
    }

    @Override
    public String title() {
        return "Tomcat " + version;
    }

    @Override
    public String howStarted() {
        return "embedded Tomcat " + version + " (as the it-tomcat tests run it) in its own JVM, "
                + String.join(" ", setup.serverJvmOptions());
    }

    @Override
    public int port(Mode mode) {
        return setup.tomcatPort() + mode.ordinal();
    }

    @Override
    public ServerProcess start(Mode mode, Path war) throws IOException, InterruptedException {
        Path launcher = copyLauncher();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("/org/apache/tomcat/") || e.contains("/org/eclipse/jdt/"))
                .collect(Collectors.joining(File.pathSeparator));
        if (classPath.isEmpty()) {
            throw new IOException("no Tomcat jars on the class path (run through mvn -Pbench)");
        }
        Path work = setup.dir().resolve("tomcat-" + mode.dirName());
        List<String> command = new java.util.ArrayList<>();
        command.add(setup.java());
        command.addAll(setup.serverJvmOptions());
        command.addAll(mode.jvmOptions());
        command.addAll(List.of("-cp", launcher + File.pathSeparator + classPath, BenchTomcat.class.getName(),
                war.toString(), Integer.toString(port(mode)), work.toString()));
        ServerProcess server = ServerProcess.start("tomcat-" + mode.dirName(), setup.pinned(), setup.serverCpus(),
                command, Map.of(), setup.dir(), List.of(port(mode)));
        try {
            server.awaitHandshake(port(mode), SideBySide.API_PATH, 120);
        } catch (IOException | InterruptedException e) {
            server.close(); // never leave a server that did not come up running
            throw e;
        }
        return server;
    }

    /** The launcher class alone in a directory, so the server sees no other benchmark class. */
    private Path copyLauncher() throws IOException {
        Path root = setup.dir().resolve("tomcat-launcher");
        String resource = BenchTomcat.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = BenchTomcat.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot find " + resource);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }
}
