package dev.switch101.jakarta.pojo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;

/**
 * The validated callbacks of one annotated endpoint class under one configuration (path,
 * decoders, encoders): at most one {@code @OnOpen}, {@code @OnClose} and {@code @OnError}, and at
 * most one {@code @OnMessage} per message kind. Built once and shared by every connection; holds
 * nothing per connection.
 */
final class EndpointModel {

    /** Distinct configurations remembered per class: a class is deployed at a handful of paths at most. */
    private static final int CACHED_CONFIGURATIONS_PER_CLASS = 8;

    /** Per class, so the cache lives and dies with the application's class loader. */
    private static final ClassValue<Map<Key, EndpointModel>> CACHE = new ClassValue<>() {
        @Override
        protected Map<Key, EndpointModel> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private record Key(String path, List<Class<? extends Decoder>> decoders, List<Class<? extends Encoder>> encoders) {
    }

    private final Class<?> type;
    private final AnnotatedMethod onOpen;
    private final AnnotatedMethod onClose;
    private final AnnotatedMethod onError;
    private final List<MessageMethod> onMessage;
    private final Coders coders;

    private EndpointModel(Class<?> type, AnnotatedMethod onOpen, AnnotatedMethod onClose, AnnotatedMethod onError,
            List<MessageMethod> onMessage, Coders coders) {
        this.type = type;
        this.onOpen = onOpen;
        this.onClose = onClose;
        this.onError = onError;
        this.onMessage = List.copyOf(onMessage);
        this.coders = coders;
    }

    /**
     * The model of {@code type} deployed at {@code path} with these coders, from the cache when it
     * was built before.
     *
     * @throws DeploymentException naming the class, the method and the rule it breaks
     */
    static EndpointModel of(Class<?> type, String path, List<Class<? extends Decoder>> decoders,
            List<Class<? extends Encoder>> encoders) throws DeploymentException {
        Key key = new Key(path, List.copyOf(decoders), List.copyOf(encoders));
        Map<Key, EndpointModel> models = CACHE.get(type);
        EndpointModel model = models.get(key);
        if (model == null) {
            model = build(type, key);
            if (models.size() < CACHED_CONFIGURATIONS_PER_CLASS) {
                models.putIfAbsent(key, model);
            }
        }
        return model;
    }

    private static EndpointModel build(Class<?> type, Key key) throws DeploymentException {
        Coders coders = new Coders(key.decoders(), key.encoders());
        SignatureReader reader = new SignatureReader(type, PathTemplate.variables(key.path()), coders);
        Map<Callback, AnnotatedMethod> lifecycle = new EnumMap<>(Callback.class);
        Map<MessageKind, MessageMethod> byKind = new EnumMap<>(MessageKind.class);
        List<MessageMethod> messages = new ArrayList<>();
        for (AnnotatedMethods.Found found : AnnotatedMethods.of(type)) {
            if (found.callback() == Callback.MESSAGE) {
                MessageMethod message = reader.message(found.method());
                for (MessageKind kind : message.kinds()) {
                    MessageMethod other = byKind.putIfAbsent(kind, message);
                    if (other != null) {
                        throw Violations.ofMethod(type, found.method(), "@OnMessage for " + kind.lowerCase()
                                + " messages, and so is " + other.target() + "; an endpoint has at most one per "
                                + "message kind (text, binary, pong)", "WebSocket 2.1 §4.7, WSC-4.7-4");
                    }
                }
                messages.add(message);
            } else {
                AnnotatedMethod method = reader.lifecycle(found.method(), found.callback());
                AnnotatedMethod other = lifecycle.putIfAbsent(found.callback(), method);
                if (other != null) {
                    throw Violations.ofMethod(type, found.method(), found.callback().annotationName()
                            + ", and so is " + other + "; an endpoint has at most one", found.callback().clause);
                }
            }
        }
        return new EndpointModel(type, lifecycle.get(Callback.OPEN), lifecycle.get(Callback.CLOSE),
                lifecycle.get(Callback.ERROR), messages, coders);
    }

    Class<?> type() {
        return type;
    }

    /** The {@code @OnOpen} method, or {@code null}. */
    AnnotatedMethod onOpen() {
        return onOpen;
    }

    /** The {@code @OnClose} method, or {@code null}. */
    AnnotatedMethod onClose() {
        return onClose;
    }

    /** The {@code @OnError} method, or {@code null}. */
    AnnotatedMethod onError() {
        return onError;
    }

    /** The {@code @OnMessage} methods, at most one per message kind. */
    List<MessageMethod> onMessage() {
        return onMessage;
    }

    Coders coders() {
        return coders;
    }
}
