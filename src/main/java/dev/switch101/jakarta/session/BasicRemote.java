package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Objects;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;

import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * {@code RemoteEndpoint.Basic}: sends that return once the message is in the engine's
 * outbound queue (waiting, up to the engine's send timeout, while the queue is full). See
 * {@link MessageSender} for when a send throws {@link IllegalStateException}.
 *
 * <p>Batching: {@link #setBatchingAllowed} is recorded and {@link #flushBatch} does nothing —
 * no message is ever held back; each goes to the outbound queue at once and is written as fast
 * as the peer reads.
 */
final class BasicRemote implements RemoteEndpoint.Basic {

    private final WebSocketSession engine;
    private final MessageSender sender;
    private volatile boolean batchingAllowed;

    BasicRemote(WebSocketSession engine, MessageSender sender) {
        this.engine = engine;
        this.sender = sender;
    }

    @Override
    public void sendText(String text) throws IOException {
        Objects.requireNonNull(text, "text");
        sender.sendWhole(MessageType.TEXT, MessageSender.utf8(text), true);
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
        Objects.requireNonNull(data, "data");
        sender.sendWhole(MessageType.BINARY, data, true);
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) throws IOException {
        Objects.requireNonNull(partialMessage, "partialMessage");
        sender.sendBasicText(partialMessage, isLast);
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
        Objects.requireNonNull(partialByte, "partialByte");
        sender.sendBasicPart(MessageType.BINARY, partialByte, isLast);
    }

    @Override
    public OutputStream getSendStream() {
        return sender.openStream();
    }

    @Override
    public Writer getSendWriter() {
        return sender.openWriter();
    }

    @Override
    public void sendObject(Object data) throws IOException, EncodeException {
        sender.sendObject(data, true);
    }

    @Override
    public void setBatchingAllowed(boolean allowed) {
        batchingAllowed = allowed;
    }

    @Override
    public boolean getBatchingAllowed() {
        return batchingAllowed;
    }

    /** Nothing is ever held back (see the class comment), so there is nothing to flush. */
    @Override
    public void flushBatch() {
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException {
        engine.sendPing(applicationData == null ? ByteBuffer.allocate(0) : applicationData);
    }

    /** @throws IllegalArgumentException if the payload is over 125 bytes */
    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException {
        engine.sendPong(applicationData == null ? ByteBuffer.allocate(0) : applicationData);
    }
}
