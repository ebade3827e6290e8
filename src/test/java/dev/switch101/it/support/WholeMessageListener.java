package dev.switch101.it.support;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A listener for the JDK's {@code java.net.http.WebSocket}, which hands messages on in parts:
 * collects whole messages in order (text as {@code String}, binary as {@code byte[]}) and the
 * server's close code (completed exceptionally on an error).
 */
public final class WholeMessageListener implements WebSocket.Listener {

    /** The whole messages received, in order. */
    public final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    /** The status code of the server's close frame. */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final MessageAssembler parts = new MessageAssembler();
    private final boolean readAtOnce;

    /** A listener that reads from the start. */
    public WholeMessageListener() {
        this(true);
    }

    /**
     * @param readAtOnce {@code false}: nothing is read until the test calls
     *                   {@code webSocket.request(1)}, for a client that sends before it reads
     */
    public WholeMessageListener(boolean readAtOnce) {
        this.readAtOnce = readAtOnce;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (readAtOnce) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String whole = parts.text(data, last);
        if (whole != null) {
            received.add(whole);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] whole = parts.binary(data, last);
        if (whole != null) {
            received.add(whole);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
