package dev.switch101.jakarta.server;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.function.Predicate;

/**
 * Tells whether releasing a CDI-made endpoint instance may run the application's code. It may if
 * the class or a superclass has a {@code @PreDestroy} method (CDI calls it), an {@code @Inject}
 * member (the dependent objects injected are destroyed with the instance, running their own
 * {@code @PreDestroy} methods and disposers), or an annotation that brings interceptors (an
 * interceptor binding, a stereotype, {@code @Interceptors}: lifecycle interceptors run on
 * release). Otherwise a release only drops CDI's bookkeeping, and the engine may close the
 * connection on the container's thread, as it does for a plainly constructed instance: on
 * WildFly, where every endpoint instance comes from CDI, that saves a thread handoff per
 * connection for endpoints without {@code @OnClose} and {@code @OnError}.
 *
 * <p>The annotations are recognised by name, so this class links no CDI or annotation API type.
 */
final class CdiRelease {

    private static final String PRE_DESTROY = "jakarta.annotation.PreDestroy";
    private static final String INJECT = "jakarta.inject.Inject";
    private static final String INTERCEPTORS = "jakarta.interceptor.Interceptors";

    private CdiRelease() {
    }

    /**
     * @param type               the endpoint class
     * @param bringsInterceptors whether an annotation type is one the CDI container binds
     *                           interceptors with (an interceptor binding or a stereotype)
     */
    static boolean mayRunApplicationCode(Class<?> type, Predicate<Class<? extends Annotation>> bringsInterceptors) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                Class<? extends Annotation> annotationType = a.annotationType();
                if (annotationType.getName().equals(INTERCEPTORS) || bringsInterceptors.test(annotationType)) {
                    return true;
                }
            }
            if (anyNamed(c.getDeclaredMethods(), PRE_DESTROY, INJECT) || anyNamed(c.getDeclaredFields(), INJECT)
                    || anyNamed(c.getDeclaredConstructors(), INJECT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether CDI injects through a constructor, method or field: its {@code @Inject}. */
    static boolean injects(AnnotatedElement member) {
        return named(member, INJECT);
    }

    private static boolean anyNamed(AnnotatedElement[] members, String... annotationNames) {
        for (AnnotatedElement member : members) {
            if (named(member, annotationNames)) {
                return true;
            }
        }
        return false;
    }

    private static boolean named(AnnotatedElement element, String... annotationNames) {
        for (Annotation a : element.getDeclaredAnnotations()) {
            for (String name : annotationNames) {
                if (a.annotationType().getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
