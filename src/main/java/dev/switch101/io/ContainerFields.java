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
     * @throws NoSuchFieldException   if no class in the hierarchy declares it
     * @throws IllegalAccessException if the field cannot be made accessible
     */
    static Object get(Object owner, String name) throws NoSuchFieldException, IllegalAccessException {
        Optional<Field> field = FIELDS.get(owner.getClass()).computeIfAbsent(name, n -> find(owner.getClass(), n));
        if (field.isEmpty()) {
            throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
        }
        return field.get().get(owner);
    }

    /** Whether {@code owner}'s class or a superclass declares a field {@code name}. */
    static boolean has(Object owner, String name) {
        return FIELDS.get(owner.getClass()).computeIfAbsent(name, n -> find(owner.getClass(), n)).isPresent();
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
