package dev.switch101.jakarta.pojo;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.websocket.DeploymentException;

/**
 * Builds the {@link DeploymentException}s of an invalid annotated endpoint, all in one form so a
 * deployer can find the culprit: {@code <class>: <method>: <rule> [<spec clause>]}.
 */
final class Violations {

    private Violations() {
    }

    /** A rule broken by the endpoint class itself (its annotation, modifiers, constructor). */
    static DeploymentException ofClass(Class<?> endpoint, String rule, String clause) {
        return new DeploymentException(endpoint.getName() + ": " + rule + " [" + clause + "]");
    }

    /** A rule broken by one method of the endpoint class (possibly inherited). */
    static DeploymentException ofMethod(Class<?> endpoint, Method method, String rule, String clause) {
        return new DeploymentException(endpoint.getName() + ": method " + describe(method) + ": " + rule
                + " [" + clause + "]");
    }

    /** {@code com.example.Chat.onMessage(String, Session)}: declaring class, name, parameter types. */
    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
