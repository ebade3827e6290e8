package dev.switch101.jakarta.pojo;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The class-level rules for a {@code @ServerEndpoint} class (WebSocket 2.1 §4.1) and the
 * {@link ServerEndpointConfig} its annotation describes.
 */
final class EndpointClass {

    private static final String CLAUSE = "WebSocket 2.1 §4.1";

    private EndpointClass() {
    }

    /**
     * Checks {@code type} and its {@code @ServerEndpoint}, and builds the configuration: path,
     * subprotocols, encoders, decoders, and an instance of the named configurator (the platform
     * default, {@code new ServerEndpointConfig.Configurator()}, when none is named).
     */
    static ServerEndpointConfig configFor(Class<?> type) throws DeploymentException {
        ServerEndpoint annotation = type.getAnnotation(ServerEndpoint.class);
        if (annotation == null) {
            throw Violations.ofClass(type, "is not annotated with @ServerEndpoint (the annotation is not inherited: "
                    + "a subclass of an annotated endpoint needs its own)", "WebSocket 2.1 §4.1, §4.8");
        }
        String path = annotation.value();
        if (path == null || !path.startsWith("/")) {
            throw Violations.ofClass(type, "@ServerEndpoint path '" + path + "' does not start with '/'",
                    "WebSocket 2.1 §4.1.1, WSC-4.1.1-3");
        }
        checkPublicAndConcrete(type);
        ServerEndpointConfig.Configurator configurator = configurator(type, annotation.configurator());
        if (!createsOwnInstances(annotation.configurator()) && !hasPublicNoArgConstructor(type)) {
            throw Violations.ofClass(type, "an annotated endpoint class must have a public no-argument constructor "
                    + "(a top-level or static nested class), unless its configurator overrides getEndpointInstance",
                    CLAUSE);
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(type, path)
                .subprotocols(List.of(annotation.subprotocols()))
                .encoders(List.of(annotation.encoders()))
                .decoders(List.of(annotation.decoders()))
                .configurator(configurator)
                .build();
        EndpointModel.of(type, path, config.getDecoders(), config.getEncoders()); // validates the methods
        return config;
    }

    /**
     * Checks {@code type} for deployment with {@code config} rather than with its annotation:
     * the class rules, and its methods against the configuration's path, decoders and encoders.
     * (The constructor rule depends on the configuration's configurator: the caller's.)
     */
    static void checkFor(ServerEndpointConfig config) throws DeploymentException {
        Class<?> type = config.getEndpointClass();
        if (!type.isAnnotationPresent(ServerEndpoint.class)) {
            throw Violations.ofClass(type, "is not annotated with @ServerEndpoint (the annotation is not inherited: "
                    + "a subclass of an annotated endpoint needs its own)", "WebSocket 2.1 §4.1, §4.8");
        }
        checkPublicAndConcrete(type);
        EndpointModel.of(type, config.getPath(), Objects.requireNonNullElse(config.getDecoders(), List.of()),
                Objects.requireNonNullElse(config.getEncoders(), List.of()));
    }

    private static void checkPublicAndConcrete(Class<?> type) throws DeploymentException {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers)) {
            throw Violations.ofClass(type, "an annotated endpoint class must be public", CLAUSE);
        }
        if (Modifier.isAbstract(modifiers) || type.isInterface() || type.isEnum() || type.isArray()) {
            throw Violations.ofClass(type, "an annotated endpoint class must be a concrete class", CLAUSE);
        }
    }

    private static ServerEndpointConfig.Configurator configurator(Class<?> type,
            Class<? extends ServerEndpointConfig.Configurator> named) throws DeploymentException {
        if (named == ServerEndpointConfig.Configurator.class) {
            return new ServerEndpointConfig.Configurator(); // delegates to the container's default, found by ServiceLoader
        }
        try {
            return named.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failed) {
            Throwable cause = failed instanceof InvocationTargetException thrown ? thrown.getCause() : failed;
            throw new DeploymentException(type.getName() + ": configurator " + named.getName() + " cannot be "
                    + "instantiated (it needs to be public, concrete, with a public no-argument constructor): "
                    + cause + " [WebSocket 2.1 §4.1.5]", cause);
        }
    }

    /** Whether the configurator class overrides {@code getEndpointInstance}: then it, not a constructor call, makes instances. */
    private static boolean createsOwnInstances(Class<? extends ServerEndpointConfig.Configurator> configurator) {
        for (Class<?> c = configurator; c != ServerEndpointConfig.Configurator.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("getEndpointInstance", Class.class);
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            }
        }
        return false;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return false; // an inner class's constructors all take the enclosing instance
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return Modifier.isPublic(constructor.getModifiers());
        } catch (NoSuchMethodException none) {
            return false;
        }
    }
}
