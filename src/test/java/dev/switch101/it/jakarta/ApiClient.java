package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switch101.it.support.MessageAssembler;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawWebSocket.Handshake;

/**
 * A JDK {@code java.net.http.WebSocket} client that turns everything the server does into a queue
 * of events (whole text and binary messages, pings, pongs, the close), read in order by the checks.
 * Every wait is bounded by {@link #WAIT}.
 */
final class ApiClient implements AutoCloseable {

    /** How long any single expected event may take; a missing one fails the check, never hangs it. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    sealed interface Event permits Text, Binary, Ping, Pong, Closed, Failed {
    }

    record Text(String text) implements Event {
    }

    record Binary(byte[] data) implements Event {
    }

    record Ping(byte[] data) implements Event {
    }

    record Pong(byte[] data) implements Event {
    }

    record Closed(int code, String reason) implements Event {
    }

    record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final WebSocket webSocket;

    private ApiClient(URI uri, Map<String, String> headers, String... subprotocols) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            webSocket = builder.buildAsync(uri, new Collector()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            String answer = e.getCause() instanceof java.net.http.WebSocketHandshakeException refused
                    ? " (HTTP " + refused.getResponse().statusCode() + " " + refused.getResponse().body() + ")" : "";
            throw new AssertionError("handshake to " + uri + " failed: " + e.getCause() + answer, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("handshake to " + uri + " did not complete", e);
        }
    }

    /** Opens {@code relativePath} (e.g. "api/whole?x=1") under the deployment URL. */
    static ApiClient open(URL base, String relativePath, String... subprotocols) {
        return new ApiClient(ws(base, relativePath), Map.of(), subprotocols);
    }

    static ApiClient open(URL base, String relativePath, Map<String, String> headers, String... subprotocols) {
        return new ApiClient(ws(base, relativePath), headers, subprotocols);
    }

    /**
     * Sends a valid opening handshake (plus {@code headers}) over a raw socket and returns the
     * status of the answer, which must not be 101. Raw, because only the status line matters and a
     * refusal need not be framed the way the JDK client waits for (Tyrus' 403 has neither a
     * Content-Length nor a connection close).
     */
    static int refusedStatus(URL base, String relativePath, Map<String, String> headers) {
        Handshake handshake = Handshake.to(base, relativePath);
        headers.forEach(handshake::add);
        try (RawHttp http = RawHttp.connect(base)) {
            int status = http.send(handshake.toRequest()).readResponse().status();
            assertNotEquals(101, status, () -> "the handshake to " + relativePath + " was accepted");
            return status;
        } catch (IOException e) {
            throw new AssertionError("no answer to the handshake to " + relativePath, e);
        }
    }

    static URI ws(URL base, String relativePath) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + relativePath);
    }

    WebSocket webSocket() {
        return webSocket;
    }

    String subprotocol() {
        return webSocket.getSubprotocol();
    }

    ApiClient sendText(String text) {
        join(webSocket.sendText(text, true));
        return this;
    }

    ApiClient sendText(String part, boolean last) {
        join(webSocket.sendText(part, last));
        return this;
    }

    ApiClient sendBinary(byte[] data) {
        return sendBinary(data, true);
    }

    ApiClient sendBinary(byte[] data, boolean last) {
        join(webSocket.sendBinary(ByteBuffer.wrap(data), last));
        return this;
    }

    ApiClient sendPong(byte[] data) {
        join(webSocket.sendPong(ByteBuffer.wrap(data)));
        return this;
    }

    /** Sends {@code text} and returns the next text message. */
    String request(String text) {
        return sendText(text).nextText();
    }

    Event next() {
        try {
            Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, "nothing from the server within " + WAIT);
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String nextText() {
        return expect(Text.class).text();
    }

    byte[] nextBinary() {
        return expect(Binary.class).data();
    }

    /** The next event must be the server's close; returns its code and reason. */
    Closed nextClose() {
        return expect(Closed.class);
    }

    <E extends Event> E expect(Class<E> type) {
        Event event = next();
        if (!type.isInstance(event)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + describe(event));
        }
        return type.cast(event);
    }

    /** Closes with {@code code}/{@code reason} and waits for the server's close answering it. */
    Closed closeAndAwait(int code, String reason) {
        join(webSocket.sendClose(code, reason));
        Event event;
        do {
            event = next();
        } while (!(event instanceof Closed) && !(event instanceof Failed));
        return assertInstanceOf(Closed.class, event, () -> "no close frame in answer");
    }

    @Override
    public void close() {
        webSocket.abort();
    }

    private static void join(java.util.concurrent.CompletableFuture<WebSocket> send) {
        try {
            send.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("send failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("send did not complete", e);
        }
    }

    static String describe(Event event) {
        if (event instanceof Text t) {
            return "text \"" + t.text() + "\"";
        } else if (event instanceof Binary b) {
            return "binary " + java.util.Arrays.toString(b.data());
        } else if (event instanceof Ping p) {
            return "ping " + new String(p.data(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (event instanceof Pong p) {
            return "pong " + new String(p.data(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (event instanceof Closed c) {
            return "close " + c.code() + " \"" + c.reason() + "\"";
        }
        return "failure " + ((Failed) event).error();
    }

    /** Records what the JDK client receives, in order: whole messages (it delivers them in parts), pings, pongs, the close. */
    private final class Collector implements WebSocket.Listener {
        private final MessageAssembler parts = new MessageAssembler();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String whole = parts.text(data, last);
            if (whole != null) {
                events.add(new Text(whole));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] whole = parts.binary(data, last);
            if (whole != null) {
                events.add(new Binary(whole));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            // The JDK answers the ping with a pong itself (WebSocket.Listener#onPing).
            events.add(new Ping(bytes(message)));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            events.add(new Pong(bytes(message)));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            events.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            events.add(new Failed(error));
        }

        private byte[] bytes(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return bytes;
        }
    }

    /** Compares a close against an expected code, with the whole close in the message. */
    static void assertCloseCode(int expected, Closed closed) {
        assertEquals(expected, closed.code(), () -> "close code; the close was " + closed);
    }
}
