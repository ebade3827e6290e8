package dev.switch101.jakarta.pojo;

import java.util.Set;

/**
 * An {@code @OnMessage} method as the session sees it: the class its handler is registered for
 * (the boxed class for a primitive parameter), the message kinds it takes, whether it takes
 * parts ({@code boolean last}), and its {@code maxMessageSize} ({@code -1}: none).
 */
record MessageMethod(AnnotatedMethod target, Class<?> handlerType, Set<MessageKind> kinds, boolean partial,
        long maxMessageSize) {

    MessageMethod {
        kinds = Set.copyOf(kinds);
    }
}
