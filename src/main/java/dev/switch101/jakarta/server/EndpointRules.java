package dev.switch101.jakarta.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import dev.switch101.server.PathTemplate;

/**
 * The deployment rules an endpoint must pass before it is served (Jakarta WebSocket 2.1 §3.1.1,
 * §4.1, §6.4). Each failure is a {@link DeploymentException} whose message names the endpoint
 * class, its path and the rule. Not thread-safe: deployment is single-threaded.
 */
final class EndpointRules {

    private record Deployed(PathTemplate path, String endpoint) {
    }

    private final List<Deployed> deployed = new ArrayList<>();

    /**
     * Checks a configuration and reserves its path.
     *
     * @param instancesFromConfigurator whether the configurator makes instances itself (then the
     *                                  class needs no public no-argument constructor)
     * @return the parsed path
     */
    PathTemplate admit(ServerEndpointConfig config, boolean instancesFromConfigurator) throws DeploymentException {
        PathTemplate path = checkConfig(config);
        checkClass(config.getEndpointClass(), config.getPath(), instancesFromConfigurator);
        String name = config.getEndpointClass().getName();
        for (Deployed existing : deployed) {
            if (existing.path().template().equals(path.template())) {
                throw new DeploymentException(cannot(name, path.template()) + "the path is already the path of "
                        + existing.endpoint() + " (Jakarta WebSocket 2.1 §3.1.1: no two endpoints may have the same path)");
            }
            if (existing.path().isEquivalentTo(path)) {
                throw new DeploymentException(cannot(name, path.template()) + "the path is equivalent to '"
                        + existing.path() + "' of " + existing.endpoint() + " (Jakarta WebSocket 2.1 §3.1.1: no two "
                        + "endpoints may have equivalent URI templates; variable names do not make paths differ)");
            }
        }
        deployed.add(new Deployed(path, name));
        return path;
    }

    /** The configuration's own rules: an endpoint class and a valid path. */
    static PathTemplate checkConfig(ServerEndpointConfig config) throws DeploymentException {
        if (config == null) {
            throw new DeploymentException("Cannot deploy a null ServerEndpointConfig");
        }
        Class<?> type = config.getEndpointClass();
        if (type == null) {
            throw new DeploymentException("Cannot deploy the endpoint at '" + config.getPath()
                    + "': its ServerEndpointConfig has no endpoint class");
        }
        String path = config.getPath();
        if (path == null || !path.startsWith("/")) {
            throw new DeploymentException(cannot(type.getName(), path) + "the path must start with '/' "
                    + "(Jakarta WebSocket 2.1 §3.1.1: a relative URI or level-1 URI template within the application)");
        }
        try {
            return new PathTemplate(path);
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(cannot(type.getName(), path) + e.getMessage()
                    + " (Jakarta WebSocket 2.1 §3.1.1: a relative URI or level-1 URI template)", e);
        }
    }

    /** The class rules: an {@code Endpoint} or a {@code @ServerEndpoint} class the container can instantiate. */
    static void checkClass(Class<?> type, String path, boolean instancesFromConfigurator) throws DeploymentException {
        if (!Endpoint.class.isAssignableFrom(type) && !type.isAnnotationPresent(ServerEndpoint.class)) {
            throw new DeploymentException(cannot(type.getName(), path) + "the class neither extends "
                    + "jakarta.websocket.Endpoint nor is annotated with @ServerEndpoint");
        }
        if (instancesFromConfigurator) {
            return;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new DeploymentException(cannot(type.getName(), path) + "the class is abstract, so the container "
                    + "cannot make an instance per connection");
        }
        if (!Modifier.isPublic(type.getModifiers()) || !hasUsableConstructor(type)) {
            throw new DeploymentException(cannot(type.getName(), path) + "the container makes an instance per "
                    + "connection, so the class must be public with a public no-argument constructor "
                    + "(or a configurator whose getEndpointInstance makes them)");
        }
    }

    private static boolean hasUsableConstructor(Class<?> type) {
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return false; // an inner class needs its outer instance
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == 0) {
                return true;
            }
            // CDI may construct through an @Inject constructor (compared by name: CDI may be absent).
            if (CdiRelease.injects(constructor)) {
                return true;
            }
        }
        return false;
    }

    private static String cannot(String endpoint, String path) {
        return "Cannot deploy " + endpoint + " at '" + path + "': ";
    }
}
