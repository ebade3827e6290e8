package dev.switch101.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refused opening handshake: what the server answers instead of {@code 101 Switching Protocols}.
 *
 * @param status the HTTP status, e.g. 400, 403 or 426
 * @param reason a short one-line plain-text reason naming the offending header
 * @param headers extra response headers, e.g. {@code Sec-WebSocket-Version: 13} with a 426; unmodifiable
 */
public record Refusal(int status, String reason, Map<String, String> headers) {

    /** Validates and defensively copies; a multi-line reason could inject text into the response. */
    public Refusal {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A refusal needs a 4xx or 5xx status, got " + status);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A refusal reason must be one line");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }

    /**
     * A refusal without extra headers.
     *
     * @param status the HTTP status
     * @param reason the one-line reason
     */
    public Refusal(int status, String reason) {
        this(status, reason, Map.of());
    }
}
