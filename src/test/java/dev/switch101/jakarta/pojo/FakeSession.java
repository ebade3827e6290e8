package dev.switch101.jakarta.pojo;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

/**
 * A recording stand-in for a {@link Session}, for the unit tests of the pure parts (which handler
 * is registered for which class, which arguments a method gets, what is sent back). Behaviour
 * with a real session is pinned by {@code dev.switch101.it.pojo.PojoOnTyrusTest}.
 */
final class FakeSession {

    final Map<String, String> pathParameters = new HashMap<>();
    final Map<Class<?>, MessageHandler> handlers = new LinkedHashMap<>();
    final List<Object> sent = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    Integer maxText;
    Integer maxBinary;

    final Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getId" -> "fake-1";
                case "getPathParameters" -> pathParameters;
                case "isOpen" -> true;
                case "addMessageHandler" -> {
                    handlers.put((Class<?>) args[0], (MessageHandler) args[1]);
                    events.add("handler " + ((Class<?>) args[0]).getSimpleName());
                    yield null;
                }
                case "setMaxTextMessageBufferSize" -> {
                    maxText = (Integer) args[0];
                    yield null;
                }
                case "setMaxBinaryMessageBufferSize" -> {
                    maxBinary = (Integer) args[0];
                    yield null;
                }
                case "getBasicRemote" -> basicRemote();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "FakeSession";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private RemoteEndpoint.Basic basicRemote() {
        return (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        sent.add("text:" + args[0]);
                        yield null;
                    }
                    case "sendBinary" -> {
                        ByteBuffer bytes = ((ByteBuffer) args[0]).duplicate();
                        byte[] copy = new byte[bytes.remaining()];
                        bytes.get(copy);
                        sent.add("binary:" + new String(copy, java.nio.charset.StandardCharsets.UTF_8));
                        yield null;
                    }
                    case "sendObject" -> {
                        sent.add("object:" + args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    <T> void whole(Class<T> type, T message) {
        ((MessageHandler.Whole<T>) handlers.get(type)).onMessage(message);
    }

    @SuppressWarnings("unchecked")
    <T> void part(Class<T> type, T message, boolean last) {
        ((MessageHandler.Partial<T>) handlers.get(type)).onMessage(message, last);
    }
}
