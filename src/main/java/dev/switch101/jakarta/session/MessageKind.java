package dev.switch101.jakarta.session;

/** The native WebSocket message kinds a session holds one handler each for (Jakarta WebSocket 2.1 §2.1.3). */
enum MessageKind {
    TEXT, BINARY, PONG
}
