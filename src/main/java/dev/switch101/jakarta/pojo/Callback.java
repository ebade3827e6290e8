package dev.switch101.jakarta.pojo;

import java.lang.annotation.Annotation;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;

/** The four method annotations of an annotated endpoint, with the spec clause that governs each. */
enum Callback {
    OPEN(OnOpen.class, "WebSocket 2.1 §4.4"),
    CLOSE(OnClose.class, "WebSocket 2.1 §4.5"),
    ERROR(OnError.class, "WebSocket 2.1 §4.6"),
    MESSAGE(OnMessage.class, "WebSocket 2.1 §4.7, OnMessage Javadoc");

    final Class<? extends Annotation> annotation;
    final String clause;

    Callback(Class<? extends Annotation> annotation, String clause) {
        this.annotation = annotation;
        this.clause = clause;
    }

    String annotationName() {
        return "@" + annotation.getSimpleName();
    }
}
