package dev.switch101.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.switch101.handshake.AcceptKey;
import dev.switch101.handshake.HandshakeValidator;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.handshake.Refusal;
import dev.switch101.handshake.SimpleHandshakeRequest;

/**
 * The opening handshake's own work, per handshake: the {@code Sec-WebSocket-Accept} key and the
 * validation of a browser's request (RFC 6455 §4.2.1), beside {@link #copyBaseline}, a copy of
 * the request's bytes (what a server does with a request at the very least).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmarks {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final HandshakeValidator validator = new HandshakeValidator(OriginPolicy.sameOrigin());
    private SimpleHandshakeRequest request;
    private byte[] requestBytes;
    private byte[] copy;

    @Setup
    public void setUp() {
        request = SimpleHandshakeRequest.builder()
                .addHeader("Host", "example.com:8080")
                .addHeader("Upgrade", "websocket")
                .addHeader("Connection", "keep-alive, Upgrade")
                .addHeader("Sec-WebSocket-Key", KEY)
                .addHeader("Sec-WebSocket-Version", "13")
                .addHeader("Origin", "http://example.com:8080")
                .addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")
                .addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0")
                .build();
        requestBytes = ("GET /app/chat HTTP/1.1\r\nHost: example.com:8080\r\nUpgrade: websocket\r\n"
                + "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://example.com:8080\r\nSec-WebSocket-Extensions: permessage-deflate; "
                + "client_max_window_bits\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 "
                + "Firefox/140.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        copy = new byte[requestBytes.length];
        if (validator.validate(request).isPresent()) {
            throw new IllegalStateException("the benchmark's request must be valid: " + validator.validate(request));
        }
    }

    @Benchmark
    public byte[] copyBaseline() {
        System.arraycopy(requestBytes, 0, copy, 0, requestBytes.length);
        return copy;
    }

    @Benchmark
    public String acceptKey() {
        return AcceptKey.of(KEY);
    }

    @Benchmark
    public Optional<Refusal> validateRequest() {
        return validator.validate(request);
    }
}
