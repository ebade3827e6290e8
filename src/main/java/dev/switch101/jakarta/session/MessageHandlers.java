package dev.switch101.jakarta.session;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.websocket.MessageHandler;

/**
 * The message handlers of one session: at most one per native kind (text, binary, pong);
 * adding a second for a kind is an {@link IllegalStateException} (Jakarta WebSocket 2.1
 * §2.1.3 and {@code Session.addMessageHandler}). Thread-safe: handlers may be added and removed
 * from any thread; a message in progress keeps the handler it started with.
 */
final class MessageHandlers {

    private final Map<MessageKind, HandlerBinding> bindings = new EnumMap<>(MessageKind.class);

    /** Adds a handler's bindings (one per kind it takes), all or none. */
    synchronized void add(List<HandlerBinding> added) {
        for (HandlerBinding binding : added) {
            HandlerBinding existing = bindings.get(binding.kind());
            if (existing != null) {
                throw new IllegalStateException("The session already has a " + binding.kind().name().toLowerCase()
                        + " message handler (" + existing.handler().getClass().getName() + ")");
            }
        }
        added.forEach(binding -> bindings.put(binding.kind(), binding));
    }

    synchronized void remove(MessageHandler handler) {
        bindings.values().removeIf(binding -> binding.handler() == handler);
    }

    synchronized Set<MessageHandler> handlers() {
        Set<MessageHandler> handlers = new LinkedHashSet<>();
        bindings.values().forEach(binding -> handlers.add(binding.handler()));
        return Set.copyOf(handlers);
    }

    synchronized Optional<HandlerBinding> forKind(MessageKind kind) {
        return Optional.ofNullable(bindings.get(kind));
    }
}
