package dev.switch101.jakarta.pojo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One validated annotated method and where each of its parameters comes from. {@link #call}
 * fills the arguments from an {@link Invocation} and throws what the method throws, unwrapped.
 */
final class AnnotatedMethod {

    private final Method method;
    private final ParameterSource[] sources;

    AnnotatedMethod(Method method, ParameterSource[] sources) {
        this.method = method;
        this.sources = sources.clone();
    }

    Method method() {
        return method;
    }

    /**
     * Calls the method on {@code instance}.
     *
     * @return what the method returned ({@code null} for {@code void})
     * @throws Throwable what the method threw, or a {@code DecodeException} for a path parameter
     *                   that does not convert (WSC-4.3-6)
     */
    Object call(Object instance, Invocation invocation) throws Throwable {
        Object[] arguments = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            arguments[i] = sources[i].valueFrom(invocation);
        }
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
        } catch (IllegalAccessException notAccessible) {
            // the model made the method accessible when it was built; this is a bug, not the application's error
            throw new IllegalStateException("cannot call " + Violations.describe(method), notAccessible);
        }
    }

    @Override
    public String toString() {
        return Violations.describe(method);
    }
}
