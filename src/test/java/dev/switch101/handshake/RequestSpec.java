package dev.switch101.handshake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: starts from the valid handshake of RFC 6455 §1.2 and lets a test replace or drop
 * single headers, so each test shows only what it breaks.
 */
final class RequestSpec {

    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private String method = "GET";
    private String protocol = "HTTP/1.1";
    private boolean secure;
    private String remoteAddress;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private RequestSpec() {
        set("Host", "server.example.com");
        set("Upgrade", "websocket");
        set("Connection", "Upgrade");
        set("Sec-WebSocket-Key", KEY);
        set("Sec-WebSocket-Version", "13");
        set("Origin", "http://server.example.com");
    }

    /** The RFC 6455 §1.2 example request, which every rule accepts. */
    static RequestSpec valid() {
        return new RequestSpec();
    }

    RequestSpec method(String newMethod) {
        this.method = newMethod;
        return this;
    }

    RequestSpec protocol(String newProtocol) {
        this.protocol = newProtocol;
        return this;
    }

    RequestSpec secure(boolean newSecure) {
        this.secure = newSecure;
        return this;
    }

    RequestSpec remote(String address) {
        this.remoteAddress = address;
        return this;
    }

    /** Replaces the header with one occurrence per value (several values = a repeated header). */
    RequestSpec set(String name, String... values) {
        headers.put(name, new ArrayList<>(List.of(values)));
        return this;
    }

    RequestSpec without(String name) {
        headers.remove(name);
        return this;
    }

    HandshakeRequest build() {
        SimpleHandshakeRequest.Builder builder = SimpleHandshakeRequest.builder()
                .method(method).protocol(protocol).secure(secure).remoteAddress(remoteAddress);
        headers.forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        return builder.build();
    }
}
