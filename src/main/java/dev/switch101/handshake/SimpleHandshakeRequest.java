package dev.switch101.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A simple, immutable {@link HandshakeRequest} for tests and adapters.
 *
 * <pre>{@code
 * HandshakeRequest request = SimpleHandshakeRequest.builder()
 *         .method("GET").protocol("HTTP/1.1").secure(false)
 *         .addHeader("Host", "server.example.com")
 *         .build();
 * }</pre>
 */
public final class SimpleHandshakeRequest implements HandshakeRequest {

    private final String method;
    private final String protocol;
    private final boolean secure;
    private final String remoteAddress;
    private final Map<String, List<String>> headers;

    private SimpleHandshakeRequest(Builder builder) {
        this.method = builder.method;
        this.remoteAddress = builder.remoteAddress;
        this.protocol = builder.protocol;
        this.secure = builder.secure;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        builder.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a request that defaults to {@code GET}, {@code HTTP/1.1}, not secure, no headers.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public List<String> headers(String name) {
        return headers.getOrDefault(normalize(name), List.of());
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String toString() {
        return method + " " + protocol + (secure ? " (secure) " : " ") + headers;
    }

    // Header names are case-insensitive (RFC 9110 §5.1); ROOT keeps "I" from becoming a dotless "ı".
    private static String normalize(String name) {
        return Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
    }

    /** Builds a {@link SimpleHandshakeRequest}; not thread-safe. */
    public static final class Builder {

        private String method = "GET";
        private String protocol = "HTTP/1.1";
        private boolean secure;
        private String remoteAddress;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param method the request method, e.g. {@code "GET"}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param protocol the protocol version, e.g. {@code "HTTP/1.1"}
         * @return this builder
         */
        public Builder protocol(String protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * @param secure whether the request came over https
         * @return this builder
         */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /**
         * @param address the peer's IP address, or null (the default) for unknown
         * @return this builder
         */
        public Builder remoteAddress(String address) {
            this.remoteAddress = address;
            return this;
        }

        /**
         * Adds one occurrence of a header; adding the same name again models a repeated header line.
         *
         * @param name the header name, case-insensitive
         * @param value the field value as received
         * @return this builder
         */
        public Builder addHeader(String name, String value) {
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(normalize(name), n -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * @return the immutable request
         */
        public SimpleHandshakeRequest build() {
            return new SimpleHandshakeRequest(this);
        }
    }
}
