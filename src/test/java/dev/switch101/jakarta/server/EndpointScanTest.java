package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

/** What an application deploys from the scanned classes (Jakarta WebSocket 2.1 §6.2). */
class EndpointScanTest {

    @ServerEndpoint("/a")
    public static final class AnnotatedA {
    }

    @ServerEndpoint("/b")
    public static final class AnnotatedB {
    }

    public static final class Programmatic extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    /** Keeps only AnnotatedB and makes one config for each scanned programmatic endpoint. */
    public static final class Selecting implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
            scanned.forEach(type -> configs.add(ServerEndpointConfig.Builder.create(type, "/p")
                    .configurator(new DefaultConfigurator()).build()));
            return configs;
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            assertEquals(Set.of(AnnotatedA.class, AnnotatedB.class), scanned);
            return Set.of(AnnotatedB.class);
        }
    }

    public static final class NoDefaultConstructor implements ServerApplicationConfig {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return scanned;
        }
    }

    private static final ClassLoader APPLICATION = EndpointScanTest.class.getClassLoader();

    @Test
    void withoutServerApplicationConfigEveryAnnotatedClassAndNoProgrammaticEndpointIsDeployed() throws Exception {
        EndpointScan scan = EndpointScan.of(Set.of(AnnotatedB.class, Programmatic.class, AnnotatedA.class),
                APPLICATION);
        assertEquals(List.of(AnnotatedA.class, AnnotatedB.class), scan.annotatedClasses());
        assertTrue(scan.endpointConfigs().isEmpty());
    }

    @Test
    void aServerApplicationConfigSelectsFromTheScannedClasses() throws Exception {
        EndpointScan scan = EndpointScan.of(Set.of(AnnotatedA.class, AnnotatedB.class, Programmatic.class,
                Selecting.class), APPLICATION);
        assertEquals(List.of(AnnotatedB.class), scan.annotatedClasses());
        assertEquals(1, scan.endpointConfigs().size());
        assertEquals(Programmatic.class, scan.endpointConfigs().get(0).getEndpointClass());
    }

    @Test
    void classesOfAnotherClassLoaderAreNotTheApplications() throws Exception {
        // e.g. a library on an embedded container's own class path
        EndpointScan scan = EndpointScan.of(Set.of(AnnotatedA.class), new ClassLoader(null) { });
        assertTrue(scan.annotatedClasses().isEmpty());
        assertTrue(EndpointScan.of(null, APPLICATION).annotatedClasses().isEmpty(), "nothing scanned");
    }

    @Test
    void anUnusableServerApplicationConfigFailsTheDeploymentByName() {
        String message = assertThrows(DeploymentException.class,
                () -> EndpointScan.of(Set.of(NoDefaultConstructor.class), APPLICATION)).getMessage();
        assertTrue(message.contains(NoDefaultConstructor.class.getName()), message);
        assertTrue(message.contains("public no-argument constructor"), message);
    }
}
