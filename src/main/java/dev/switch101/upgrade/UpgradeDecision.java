package dev.switch101.upgrade;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpUpgradeHandler;

/** What an {@link UpgradeProtocol} decides for one request. */
public sealed interface UpgradeDecision {

    /** The request is not for this protocol: ask the next one, or let the request go on. */
    static UpgradeDecision decline() {
        return Decline.INSTANCE;
    }

    /**
     * The request is for this protocol but is refused.
     *
     * @param status  the HTTP status (4xx, or 5xx)
     * @param reason  a short, one-line, plain-text reason, sent as the body
     * @param headers extra response headers (e.g. {@code Sec-WebSocket-Version: 13} with 426)
     */
    static UpgradeDecision refuse(int status, String reason, Map<String, String> headers) {
        return new Refuse(status, reason, headers);
    }

    /**
     * Switch protocols.
     *
     * @param headers response headers of the 101 besides {@code Upgrade} and {@code Connection},
     *                which the filter sets
     * @param handler the handler that takes the connection over after the 101
     */
    static UpgradeDecision accept(Map<String, String> headers, HttpUpgradeHandler handler) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new Accept(multi, handler);
    }

    /**
     * Switch protocols, with headers that may have several values (each value becomes a header
     * line of its own, e.g. {@code Set-Cookie}).
     *
     * @param headers response headers of the 101 besides {@code Upgrade} and {@code Connection}
     * @param handler the handler that takes the connection over after the 101
     */
    static UpgradeDecision acceptWithHeaders(Map<String, List<String>> headers, HttpUpgradeHandler handler) {
        return new Accept(headers, handler);
    }

    /** See {@link UpgradeDecision#decline()}. */
    final class Decline implements UpgradeDecision {
        private static final Decline INSTANCE = new Decline();

        private Decline() {
        }

        @Override
        public String toString() {
            return "Decline";
        }
    }

    /** See {@link UpgradeDecision#refuse}. */
    record Refuse(int status, String reason, Map<String, String> headers) implements UpgradeDecision {
        public Refuse {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A refusal needs a 4xx or 5xx status: " + status);
            }
            if (reason.indexOf('\n') >= 0 || reason.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("The reason must be one line");
            }
            headers = Map.copyOf(headers);
        }
    }

    /** See {@link UpgradeDecision#accept}. */
    record Accept(Map<String, List<String>> headers, HttpUpgradeHandler handler) implements UpgradeDecision {
        public Accept {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
            Objects.requireNonNull(handler, "handler");
        }
    }
}
