package dev.switch101.jakarta.session;

import java.util.Map;
import java.util.function.Function;

import jakarta.websocket.DecodeException;

/**
 * The conversions every implementation provides without a configured coder (Jakarta WebSocket
 * 2.1, "Receiving Messages", and {@code sendObject}): text to and from {@code String} and the
 * primitive types and their boxes.
 */
final class BuiltInCoders {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, char.class,
            Character.class, byte.class, Byte.class, short.class, Short.class, int.class, Integer.class, long.class,
            Long.class, float.class, Float.class, double.class, Double.class);

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.of(
            String.class, s -> s,
            Boolean.class, Boolean::valueOf,
            Character.class, BuiltInCoders::character,
            Byte.class, Byte::valueOf,
            Short.class, Short::valueOf,
            Integer.class, Integer::valueOf,
            Long.class, Long::valueOf,
            Float.class, Float::valueOf,
            Double.class, Double::valueOf);

    private BuiltInCoders() {
    }

    /** {@code int.class} → {@code Integer.class}; any other class as it is. */
    static Class<?> boxed(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }

    /** Whether a whole text message can become a {@code type} without a configured decoder. */
    static boolean decodesText(Class<?> type) {
        return PARSERS.containsKey(boxed(type));
    }

    /** Whether {@code value} is sent as text by {@code toString()} without a configured encoder. */
    static boolean encodesAsText(Object value) {
        return PARSERS.containsKey(value.getClass());
    }

    /**
     * @throws DecodeException if the text is not a value of the type (e.g. "x" for an {@code int})
     */
    static Object decodeText(String text, Class<?> type) throws DecodeException {
        try {
            return PARSERS.get(boxed(type)).apply(text);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(text, "Not a " + boxed(type).getSimpleName() + ": " + abbreviate(text), e);
        }
    }

    private static Character character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("Not one character");
        }
        return text.charAt(0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
