package dev.switch101.jakarta.pojo;

import java.util.Map;

import jakarta.websocket.DecodeException;

/**
 * A {@code @PathParam} parameter: the value of one variable of the endpoint's URI template, as a
 * {@code String}, a primitive or a boxed primitive (WebSocket 2.1 §4.3). A primitive or boxed value
 * is built "as if by the public one-argument String constructor of the boxed type"; {@code char},
 * whose box has no such constructor, takes a one-character segment.
 */
final class PathParameter implements ParameterSource {

    private final String name;
    private final Class<?> type;

    PathParameter(String name, Class<?> type) {
        this.name = name;
        this.type = type;
    }

    /** Whether {@code type} may carry {@code @PathParam} (WSC-4.3-1). */
    static boolean isAllowedType(Class<?> type) {
        return type == String.class || Primitives.isPrimitiveOrBoxed(type);
    }

    @Override
    public Object valueFrom(Invocation call) throws DecodeException {
        Map<String, String> values = call.session().getPathParameters();
        return convert(values == null ? null : values.get(name));
    }

    /**
     * @throws DecodeException when {@code raw} is not a valid value of the parameter's type, or is
     *                         missing for a primitive (WSC-4.3-6)
     */
    Object convert(String raw) throws DecodeException {
        if (type == String.class) {
            return raw;
        }
        if (raw == null) {
            if (type.isPrimitive()) {
                throw new DecodeException((String) null, "path parameter '" + name + "' has no value, and a "
                        + type.getName() + " cannot be null");
            }
            return null;
        }
        try {
            return parse(raw, Primitives.boxed(type));
        } catch (IllegalArgumentException notANumber) {
            throw new DecodeException(raw, "path parameter '" + name + "' = '" + raw + "' is not a valid "
                    + type.getSimpleName(), notANumber);
        }
    }

    private static Object parse(String raw, Class<?> boxed) {
        if (boxed == Integer.class) {
            return Integer.valueOf(raw);
        } else if (boxed == Long.class) {
            return Long.valueOf(raw);
        } else if (boxed == Short.class) {
            return Short.valueOf(raw);
        } else if (boxed == Byte.class) {
            return Byte.valueOf(raw);
        } else if (boxed == Double.class) {
            return Double.valueOf(raw);
        } else if (boxed == Float.class) {
            return Float.valueOf(raw);
        } else if (boxed == Boolean.class) {
            return Boolean.valueOf(raw);
        } else if (boxed == Character.class) {
            if (raw.length() != 1) {
                throw new IllegalArgumentException("not exactly one character");
            }
            return raw.charAt(0);
        }
        throw new IllegalStateException("not a path parameter type: " + boxed); // isAllowedType was checked at deployment
    }
}
