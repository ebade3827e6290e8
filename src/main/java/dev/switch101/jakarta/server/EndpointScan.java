package dev.switch101.jakarta.server;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Which endpoints an application deploys, from the classes the container scanned (Jakarta
 * WebSocket 2.1 §6.2): with {@link ServerApplicationConfig} classes, the union of what each
 * returns from the scanned {@code Endpoint} subclasses and {@code @ServerEndpoint} classes;
 * without any, every scanned {@code @ServerEndpoint} class (programmatic endpoints then come
 * only from {@code addEndpoint}).
 *
 * <p>Only the application's own public, concrete classes count (those its class loader
 * defined): an embedded container may hand over classes of its own class path, such as a
 * library's {@code ServerApplicationConfig}, and a class the container cannot instantiate
 * (abstract, not public, such as Switch101's own annotated-endpoint adapter) is no endpoint.
 */
final class EndpointScan {

    private final List<ServerEndpointConfig> endpointConfigs;
    private final List<Class<?>> annotatedClasses;

    private EndpointScan(List<ServerEndpointConfig> endpointConfigs, List<Class<?>> annotatedClasses) {
        this.endpointConfigs = endpointConfigs;
        this.annotatedClasses = annotatedClasses;
    }

    /**
     * @param scanned     what the container found for the initializer's {@code @HandlesTypes} (may be null)
     * @param application the application's class loader
     * @throws DeploymentException if a {@code ServerApplicationConfig} cannot be instantiated
     */
    static EndpointScan of(Set<Class<?>> scanned, ClassLoader application) throws DeploymentException {
        Set<Class<? extends Endpoint>> endpoints = new LinkedHashSet<>();
        Set<Class<?>> annotated = new LinkedHashSet<>();
        List<Class<?>> configs = new ArrayList<>();
        for (Class<?> type : sorted(scanned)) {
            if (type.getClassLoader() != application || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            if (ServerApplicationConfig.class.isAssignableFrom(type)) {
                configs.add(type);
            }
            if (type.isAnnotationPresent(ServerEndpoint.class)) {
                annotated.add(type);
            } else if (Endpoint.class.isAssignableFrom(type)) {
                endpoints.add(type.asSubclass(Endpoint.class));
            }
        }
        if (configs.isEmpty()) {
            return new EndpointScan(List.of(), List.copyOf(annotated));
        }
        Set<ServerEndpointConfig> selectedConfigs = new LinkedHashSet<>();
        Set<Class<?>> selectedAnnotated = new LinkedHashSet<>();
        for (Class<?> type : configs) {
            ServerApplicationConfig config = instantiate(type);
            Set<ServerEndpointConfig> programmatic = config.getEndpointConfigs(Set.copyOf(endpoints));
            if (programmatic != null) {
                selectedConfigs.addAll(programmatic);
            }
            Set<Class<?>> classes = config.getAnnotatedEndpointClasses(Set.copyOf(annotated));
            if (classes != null) {
                selectedAnnotated.addAll(classes);
            }
        }
        return new EndpointScan(List.copyOf(selectedConfigs), List.copyOf(selectedAnnotated));
    }

    List<ServerEndpointConfig> endpointConfigs() {
        return endpointConfigs;
    }

    List<Class<?>> annotatedClasses() {
        return annotatedClasses;
    }

    /** By name, so that deployment (and the first failure it reports) does not depend on scan order. */
    private static List<Class<?>> sorted(Set<Class<?>> scanned) {
        List<Class<?>> list = new ArrayList<>(scanned == null ? Set.of() : scanned);
        list.sort(Comparator.comparing(Class::getName));
        return list;
    }

    private static ServerApplicationConfig instantiate(Class<?> type) throws DeploymentException {
        try {
            return (ServerApplicationConfig) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DeploymentException("Cannot use the ServerApplicationConfig " + type.getName()
                    + ": it needs a public no-argument constructor that does not throw (" + e + ")", e);
        }
    }
}
