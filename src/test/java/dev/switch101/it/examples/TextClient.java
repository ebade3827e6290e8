package dev.switch101.it.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.switch101.it.support.MessageAssembler;

/**
 * A JDK {@code java.net.http.WebSocket} that queues whole text messages and records the close
 * it gets. {@link #paused} clients read nothing (no {@code request(n)}) until {@link #resume}.
 */
final class TextClient implements WebSocket.Listener {

    final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final MessageAssembler parts = new MessageAssembler();
    private final boolean paused;
    WebSocket socket;

    private TextClient(boolean paused) {
        this.paused = paused;
    }

    static TextClient connect(URI uri, List<String> subprotocols) throws Exception {
        return connect(uri, subprotocols, false);
    }

    static TextClient connect(URI uri, List<String> subprotocols, boolean paused) throws Exception {
        TextClient client = new TextClient(paused);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Switch101-Probe", "examples");
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (!paused) {
            webSocket.request(1);
        }
    }

    void resume() {
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String whole = parts.text(data, last);
        if (whole != null) {
            received.add(whole);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** @return the next text message, or fails after 10 s */
    String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s (closed: " + (closed.isDone() ? closed.getNow("?") : "no") + ")");
        }
        return message;
    }

    /** @return the next message that contains {@code part} (skipping others), or fails after 10 s each */
    String nextContaining(String part) throws InterruptedException {
        while (true) {
            String message = next();
            if (message.contains(part)) {
                return message;
            }
        }
    }

    void send(String message) throws Exception {
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
    }

    /** Closes with 1000 and returns the server's answer ("1000 ..."). */
    String close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        return closed.get(10, TimeUnit.SECONDS);
    }
}
