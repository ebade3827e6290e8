package dev.switch101.jakarta.pojo;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the type an encoder or decoder class handles: the {@code T} it gives, directly or through
 * its superclasses and superinterfaces, to {@code Decoder.Text<T>}, {@code Encoder.Binary<T>} and
 * the like. Type variables are followed through the hierarchy ({@code class JsonDecoder<T>
 * implements Decoder.Text<T>} / {@code class CatDecoder extends JsonDecoder<Cat>} gives
 * {@code Cat}).
 */
final class CoderTypes {

    private CoderTypes() {
    }

    /**
     * The class that {@code coder} binds to the type parameter of {@code coderInterface}, or
     * {@code null} when {@code coder} does not implement it; {@code Object} when it is not bound to
     * a class (a raw or unresolved type).
     */
    static Class<?> typeArgument(Class<?> coder, Class<?> coderInterface) {
        if (!coderInterface.isAssignableFrom(coder)) {
            return null;
        }
        Type found = find(coder, coderInterface, new HashMap<>());
        return found == null ? Object.class : erase(found);
    }

    /** Walks up from {@code type}, recording what each type variable is bound to on the way. */
    private static Type find(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], resolve(arguments[i], bindings));
            }
            if (raw == target) {
                return bindings.get(variables[0]);
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
            if (raw == target) {
                return null; // implemented raw: nothing binds T
            }
        } else {
            return null;
        }
        if (!target.isAssignableFrom(raw)) {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = find(parent, target, bindings);
            if (found != null) {
                return found;
            }
        }
        Type parent = raw.getGenericSuperclass();
        return parent == null ? null : find(parent, target, bindings);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable && bindings.containsKey(variable) ? bindings.get(variable) : type;
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        } else if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        } else if (type instanceof GenericArrayType array) {
            return erase(array.getGenericComponentType()).arrayType();
        } else if (type instanceof TypeVariable<?> variable) {
            Type[] bounds = variable.getBounds();
            return bounds.length == 0 ? Object.class : erase(bounds[0]);
        }
        return Object.class; // a wildcard
    }
}
