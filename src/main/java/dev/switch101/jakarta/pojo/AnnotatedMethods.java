package dev.switch101.jakarta.pojo;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.DeploymentException;

/**
 * Finds the methods of an endpoint class that carry {@code @OnOpen}, {@code @OnClose},
 * {@code @OnError} or {@code @OnMessage}, walking up the superclasses (WebSocket 2.1 §4.8).
 *
 * <p>A method annotation applies only to the method it is on: an annotated method that a subclass
 * overrides without the annotation is no callback ("subclasses that override methods annotated
 * with WebSocket method annotations do not obtain WebSocket callbacks unless those subclass methods
 * themselves are marked"); an annotated method a subclass inherits without overriding it is one.
 */
final class AnnotatedMethods {

    private AnnotatedMethods() {
    }

    /** One annotated method and the callback it is for. */
    record Found(Method method, Callback callback) {
    }

    /**
     * The annotated methods of {@code type} and its superclasses, most derived first.
     *
     * @throws DeploymentException for an annotated method that is not public, or carries more
     *                             than one of the four annotations
     */
    static List<Found> of(Class<?> type) throws DeploymentException {
        List<Found> found = new ArrayList<>();
        Set<String> overridable = new HashSet<>(); // signatures declared further down the hierarchy
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Method[] declared = current.getDeclaredMethods();
            for (Method method : declared) {
                if (method.isSynthetic() || method.isBridge() || overridable.contains(signature(method))) {
                    continue;
                }
                Callback callback = callbackOf(type, method);
                if (callback != null) {
                    check(type, method, callback);
                    found.add(new Found(method, callback));
                }
            }
            for (Method method : declared) {
                if (!Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                    overridable.add(signature(method));
                }
            }
        }
        return found;
    }

    private static Callback callbackOf(Class<?> type, Method method) throws DeploymentException {
        Callback callback = null;
        for (Callback candidate : Callback.values()) {
            if (method.isAnnotationPresent(candidate.annotation)) {
                if (callback != null) {
                    throw Violations.ofMethod(type, method, "carries both " + callback.annotationName() + " and "
                            + candidate.annotationName() + "; a method is one callback", "WebSocket 2.1 §4.4-§4.7");
                }
                callback = candidate;
            }
        }
        return callback;
    }

    private static void check(Class<?> type, Method method, Callback callback) throws DeploymentException {
        if (!Modifier.isPublic(method.getModifiers())) {
            throw Violations.ofMethod(type, method, callback.annotationName() + " method must be public",
                    callback.clause);
        }
        if (!method.trySetAccessible()) {
            // a public method of a non-public class (an inherited base class, say): reflection needs the access made explicit
            throw Violations.ofMethod(type, method, callback.annotationName() + " method cannot be made accessible "
                    + "to the runtime", callback.clause);
        }
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
