package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleHandshakeRequestTest {

    // RFC 9110 §5.1 / §5.3: names case-insensitive, every occurrence kept in order.
    @Test
    void RepeatedHeadersKeepEveryValueInOrder() {
        HandshakeRequest request = SimpleHandshakeRequest.builder()
                .addHeader("Sec-WebSocket-Protocol", "a")
                .addHeader("sec-websocket-protocol", "b, c")
                .build();
        assertEquals(List.of("a", "b, c"), request.headers("SEC-WEBSOCKET-PROTOCOL"));
        assertEquals("a", request.header("Sec-WebSocket-Protocol"));
    }

    // An absent header is an empty list (never null), and header() gives null.
    @Test
    void AbsentHeaderIsEmpty() {
        HandshakeRequest request = SimpleHandshakeRequest.builder().build();
        assertEquals(List.of(), request.headers("Origin"));
        assertNull(request.header("Origin"));
    }

    // Defaults and setters.
    @Test
    void BuilderSetsRequestLineAndScheme() {
        HandshakeRequest defaults = SimpleHandshakeRequest.builder().build();
        assertEquals("GET", defaults.method());
        assertEquals("HTTP/1.1", defaults.protocol());
        assertFalse(defaults.isSecure());
        HandshakeRequest custom = SimpleHandshakeRequest.builder().method("POST").protocol("HTTP/1.0").secure(true).build();
        assertEquals("POST", custom.method());
        assertEquals("HTTP/1.0", custom.protocol());
        assertTrue(custom.isSecure());
    }

    // The built request does not change when the builder goes on.
    @Test
    void BuiltRequestIsImmutable() {
        SimpleHandshakeRequest.Builder builder = SimpleHandshakeRequest.builder().addHeader("Host", "a.example");
        HandshakeRequest request = builder.build();
        builder.addHeader("Host", "b.example");
        assertEquals(List.of("a.example"), request.headers("Host"));
        assertThrows(UnsupportedOperationException.class, () -> request.headers("Host").add("c.example"));
    }

    // A refusal's reason is one line: it becomes a plain-text body and must not smuggle headers.
    @Test
    void RefusalReasonMustBeOneLine() {
        assertThrows(IllegalArgumentException.class, () -> new Refusal(400, "a\r\nSet-Cookie: x", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Refusal(200, "fine"));
        assertEquals(Map.of(), new Refusal(400, "bad").headers());
    }
}
