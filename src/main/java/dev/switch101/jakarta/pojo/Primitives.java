package dev.switch101.jakarta.pojo;

import java.util.Map;

/** Java's primitive types and their boxes. */
final class Primitives {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, char.class, Character.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class);

    private Primitives() {
    }

    /** The box of a primitive type; any other type as it is. */
    static Class<?> boxed(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }

    /** Whether {@code type} is one of the eight boxes ({@code Integer}, {@code Boolean}, ...). */
    static boolean isBoxed(Class<?> type) {
        return BOXES.containsValue(type);
    }

    /** A primitive (not {@code void}) or its box. */
    static boolean isPrimitiveOrBoxed(Class<?> type) {
        return type.isPrimitive() && type != void.class || isBoxed(type);
    }
}
