package dev.switch101.jakarta.session;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the class a generic interface is bound to by a concrete class, e.g. the {@code T} of
 * {@code MessageHandler.Whole<T>} or {@code Decoder.Text<T>}, walking superclasses and
 * superinterfaces and following type variables from subclass to superclass
 * ({@code class Mine extends Base<String>}, {@code abstract class Base<X> implements Whole<X>}).
 */
final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * @param type      a concrete class
     * @param generic   a generic interface (or class) with one type parameter
     * @return the class {@code type} binds that parameter to; empty when it is not bound to a
     *         class (a lambda, a raw implementation, an unbound type variable)
     */
    static Optional<Class<?>> typeArgument(Class<?> type, Class<?> generic) {
        return Optional.ofNullable(find(type, generic, Map.of()));
    }

    private static Class<?> find(Type type, Class<?> generic, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], substitute(arguments[i], outer));
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return null;
        }
        if (raw == generic) {
            if (!(type instanceof ParameterizedType)) {
                return null; // implemented raw
            }
            return toClass(bindings.get(raw.getTypeParameters()[0]));
        }
        if (!generic.isAssignableFrom(raw)) {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?> found = find(parent, generic, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, generic, bindings);
    }

    private static Type substitute(Type argument, Map<TypeVariable<?>, Type> bindings) {
        if (argument instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
            return bindings.get(variable);
        }
        return argument;
    }

    private static Class<?> toClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType(); // Whole<List<String>> handles a List
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = toClass(array.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        return null; // a type variable nobody bound, or a wildcard
    }
}
