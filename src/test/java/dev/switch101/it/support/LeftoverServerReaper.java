package dev.switch101.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Records the PID of every server process Arquillian starts (a child of the test JVM) in
 * {@code .test-servers/}, and before the next start kills a server an aborted run left
 * behind — by that recorded PID, never by process name, and only if the process with that
 * PID still looks like the server we started (PIDs get reused).
 */
public final class LeftoverServerReaper implements LoadableExtension {

    private static final String MARKER = "jboss-modules";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** Arquillian observer; public with a no-arg constructor as Arquillian requires. */
    public static final class Observer {

        public void beforeStart(@Observes BeforeStart event) throws IOException {
            Path file = pidFile(event.getDeployableContainer().getClass().getSimpleName());
            if (!Files.exists(file)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(MARKER)).orElse(false));
            if (leftover.isPresent()) {
                System.err.println("[switch101] killing leftover test server, PID " + pid);
                leftover.get().destroyForcibly();
                leftover.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
            }
            Files.deleteIfExists(file);
        }

        public void afterStart(@Observes AfterStart event) throws IOException {
            Optional<ProcessHandle> server = ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(MARKER)).orElse(false))
                    .findFirst();
            if (server.isPresent()) {
                Path file = pidFile(event.getDeployableContainer().getClass().getSimpleName());
                Files.createDirectories(file.getParent());
                Files.writeString(file, Long.toString(server.get().pid()));
            }
        }

        public void afterStop(@Observes AfterStop event) throws IOException {
            Files.deleteIfExists(pidFile(event.getDeployableContainer().getClass().getSimpleName()));
        }

        private static Path pidFile(String containerName) {
            return Path.of(System.getProperty("switch101.pids", ".test-servers"), containerName + ".pid");
        }
    }
}
