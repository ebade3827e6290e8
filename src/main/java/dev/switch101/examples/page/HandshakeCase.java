package dev.switch101.examples.page;

import java.util.Arrays;
import java.util.Optional;

/**
 * The handshakes the page can ask {@link HandshakeDemoServlet} to perform. Each but {@link #OK}
 * breaks one rule a browser always keeps, so only a server-side client can show the answer.
 */
enum HandshakeCase {

    /** A valid handshake (no Origin, as from a non-browser client): 101. */
    OK("ok", null, "13", null, "a valid handshake, as a non-browser client sends it"),
    /** {@code Sec-WebSocket-Version: 8}: 426 with {@code Sec-WebSocket-Version: 13} (RFC 6455 §4.2.2). */
    WRONG_VERSION("wrong-version", "/echo", "8", null, "Sec-WebSocket-Version: 8 (only 13 exists)"),
    /** An Origin from another site: 403 (the engine's default Origin policy). */
    FOREIGN_ORIGIN("foreign-origin", "/echo", "13", "http://evil.example", "Origin: http://evil.example, another site"),
    /** No endpoint at the path: the ordinary response, 404. */
    UNKNOWN_PATH("unknown-path", "/no-such-endpoint", "13", null, "a valid handshake to a path with no endpoint"),
    /** A {@code Sec-WebSocket-Key} that is not 16 bytes in base64: 400 (RFC 6455 §4.2.1). */
    BAD_KEY("bad-key", "/echo", "13", null, "Sec-WebSocket-Key: not-a-key (not 16 bytes in base64)");

    private final String id;
    private final String fixedPath;
    private final String version;
    private final String origin;
    private final String description;

    HandshakeCase(String id, String fixedPath, String version, String origin, String description) {
        this.id = id;
        this.fixedPath = fixedPath;
        this.version = version;
        this.origin = origin;
        this.description = description;
    }

    static Optional<HandshakeCase> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    String id() {
        return id;
    }

    /** @return the path within the application: fixed for the failure cases, else the one asked for */
    String path(String asked) {
        return fixedPath != null ? fixedPath : asked;
    }

    String version() {
        return version;
    }

    String origin() {
        return origin;
    }

    String description() {
        return description;
    }

    /** @return the key to send, given a valid one */
    String key(String valid) {
        return this == BAD_KEY ? "not-a-key" : valid;
    }
}
