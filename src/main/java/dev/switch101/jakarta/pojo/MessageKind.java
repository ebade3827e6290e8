package dev.switch101.jakarta.pojo;

/** The native WebSocket message formats; an endpoint has at most one {@code @OnMessage} method for each (WSC-4.7-4). */
enum MessageKind {
    TEXT, BINARY, PONG;

    String lowerCase() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
