package dev.switch101.io;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a container's private fields by name, looking each (class, name) up once. The answer,
 * found or not, is kept per class: a container without the field (Tomcat has no
 * {@code ioExecutor}) must not cost a {@link NoSuchFieldException} per superclass on every
 * connection — five of them, with Tomcat's deep stacks, were most of the handshake's own cost.
 */
final class ContainerFields {

    private static final ClassValue<Map<String, Optional<Field>>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Field>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private ContainerFields() {
    }

    /**
     * The value of the field {@code name} declared by {@code owner}'s class or a superclass.
     *
     * @return the value (empty also when the field holds {@code null}), or empty if no class in
     *         the hierarchy declares it
     * @throws IllegalAccessException if the field cannot be read
     */
    static Optional<Object> value(Object owner, String name) throws IllegalAccessException {
        Class<?> type = owner.getClass();
        Map<String, Optional<Field>> fields = FIELDS.get(type);
        Optional<Field> field = fields.get(name); // once per connection: no lambda unless it is the first
        if (field == null) {
            field = fields.computeIfAbsent(name, n -> find(type, n));
        }
        return field.isEmpty() ? Optional.empty() : Optional.ofNullable(field.get().get(owner));
    }

    private static Optional<Field> find(Class<?> start, String name) {
        for (Class<?> type = start; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    // Inaccessible (a module that does not open it): treated as absent, found once.
                    return field.trySetAccessible() ? Optional.of(field) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
