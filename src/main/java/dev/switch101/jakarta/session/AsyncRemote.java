package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * {@code RemoteEndpoint.Async}: every send returns at once and runs later, in order, through
 * the session's {@link AsyncSendQueue} (bounded; see there for a full queue and the timeout).
 * The {@code Future} completes when the message is in the engine's outbound queue, or fails
 * with the cause in its {@code ExecutionException}; a {@code SendHandler} hears the same on
 * the async-send executor's thread (on the sending thread when the send is refused at once: a
 * full queue, or an executor that takes no more work). A data buffer passed in must not be
 * changed until then.
 * Batching as in {@link BasicRemote}: recorded, nothing held back.
 */
final class AsyncRemote implements RemoteEndpoint.Async {

    private final WebSocketSession engine;
    private final MessageSender sender;
    private final AsyncSendQueue queue;
    private volatile long sendTimeoutMillis;
    private volatile boolean batchingAllowed;

    AsyncRemote(WebSocketSession engine, MessageSender sender, AsyncSendQueue queue, long sendTimeoutMillis) {
        this.engine = engine;
        this.sender = sender;
        this.queue = queue;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public long getSendTimeout() {
        return sendTimeoutMillis;
    }

    /** @param timeoutmillis zero or less: no timeout of its own (the engine's send timeout still bounds a send) */
    @Override
    public void setSendTimeout(long timeoutmillis) {
        this.sendTimeoutMillis = timeoutmillis;
    }

    @Override
    public void sendText(String text, SendHandler handler) {
        Objects.requireNonNull(text, "text");
        submit(() -> sender.sendWhole(MessageType.TEXT, MessageSender.utf8(text), false), handler);
    }

    @Override
    public Future<Void> sendText(String text) {
        Objects.requireNonNull(text, "text");
        return submit(() -> sender.sendWhole(MessageType.TEXT, MessageSender.utf8(text), false));
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        return submit(() -> sender.sendWhole(MessageType.BINARY, data, false));
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        Objects.requireNonNull(data, "data");
        submit(() -> sender.sendWhole(MessageType.BINARY, data, false), handler);
    }

    @Override
    public Future<Void> sendObject(Object data) {
        Objects.requireNonNull(data, "data");
        return submit(() -> sender.sendObject(data, false));
    }

    @Override
    public void sendObject(Object data, SendHandler handler) {
        Objects.requireNonNull(data, "data");
        submit(() -> sender.sendObject(data, false), handler);
    }

    @Override
    public void setBatchingAllowed(boolean allowed) {
        batchingAllowed = allowed;
    }

    @Override
    public boolean getBatchingAllowed() {
        return batchingAllowed;
    }

    /** Nothing is ever held back, so there is nothing to flush. */
    @Override
    public void flushBatch() {
    }

    /** Sent at once, ahead of queued data (a control frame); @throws IllegalArgumentException over 125 bytes */
    @Override
    public void sendPing(ByteBuffer applicationData) throws java.io.IOException {
        engine.sendPing(applicationData == null ? ByteBuffer.allocate(0) : applicationData);
    }

    /** Sent at once, ahead of queued data (a control frame); @throws IllegalArgumentException over 125 bytes */
    @Override
    public void sendPong(ByteBuffer applicationData) throws java.io.IOException {
        engine.sendPong(applicationData == null ? ByteBuffer.allocate(0) : applicationData);
    }

    private void submit(AsyncSendQueue.Send send, SendHandler handler) {
        Objects.requireNonNull(handler, "handler");
        queue.submit(send, handler, sendTimeoutMillis, () -> false);
    }

    private Future<Void> submit(AsyncSendQueue.Send send) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        queue.submit(send, result -> {
            if (result.isOK()) {
                future.complete(null);
            } else {
                future.completeExceptionally(result.getException());
            }
        }, sendTimeoutMillis, future::isCancelled);
        return future;
    }
}
