package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

import dev.switch101.session.MessageType;
import dev.switch101.session.WebSocketSession;

/**
 * What both remote endpoints send through: the engine's session (which keeps whole messages
 * together and orders them), plus the one rule the engine leaves to us — a Basic sender may not
 * start a new message while its message in parts ({@code sendText(part, last)}, a send stream or
 * writer) is unfinished: that is the {@link IllegalStateException} the {@code RemoteEndpoint.Basic}
 * Javadoc allows ("a developer attempts to send a new message while in the middle of sending an
 * existing one"), and without it the new message would wait for a turn that only its own
 * thread could give back, until the send timeout. Whole messages sent from several threads at
 * once, which the Javadoc also allows to fail, are queued by the engine instead (each goes out
 * whole, in turn).
 */
final class MessageSender {

    /** The buffer of a send stream or writer: what one part holds. */
    static final int STREAM_BUFFER = 16 * 1024;

    private final WebSocketSession engine;
    private final SessionEncoders encoders;
    /** The type of the Basic message in parts, or {@code null}. Guarded by {@code this}. */
    private MessageType basicPartial;
    /**
     * A high surrogate that ended a Basic text part: it is sent with the next part, which starts
     * with its low surrogate — encoded apart, each half would go out as {@code '?'}.
     */
    private String heldHighSurrogate;

    MessageSender(WebSocketSession engine, SessionEncoders encoders) {
        this.engine = engine;
        this.encoders = encoders;
    }

    /**
     * A string as UTF-8 to send. {@code String.getBytes} rather than {@code Charset.encode}:
     * the same bytes (an unpaired surrogate becomes {@code ?} in both), at a fraction of the
     * cost — it is intrinsic for the JDK's compact strings, where the encoder goes char by char.
     */
    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole message; {@code basic} applies the Basic rule above. */
    void sendWhole(MessageType type, ByteBuffer data, boolean basic) throws IOException {
        if (basic) {
            synchronized (this) {
                if (basicPartial != null) {
                    throw new IllegalStateException("A " + basicPartial.name().toLowerCase()
                            + " message in parts is being sent; finish it (isLast = true, or close the stream) first");
                }
            }
        }
        engine.sendMessage(type, data);
    }

    /** A part of a Basic message ({@code sendText(part, last)}, {@code sendBinary(part, last)}). */
    void sendBasicPart(MessageType type, ByteBuffer part, boolean last) throws IOException {
        claimBasicPart(type);
        sendPartThen(type, part, last, this::endBasicPartial);
    }

    /**
     * {@code sendText(part, last)}: a part of a Basic text message. A surrogate pair split
     * between two parts is kept together (as {@link PartialWriter} does for the writer).
     */
    void sendBasicText(String part, boolean last) throws IOException {
        ByteBuffer bytes;
        synchronized (this) {
            claimBasicPart(MessageType.TEXT);
            String text = heldHighSurrogate == null ? part : heldHighSurrogate + part;
            heldHighSurrogate = null;
            if (!last && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                heldHighSurrogate = text.substring(text.length() - 1);
                text = text.substring(0, text.length() - 1);
            }
            bytes = utf8(text);
        }
        sendPartThen(MessageType.TEXT, bytes, last, this::endBasicPartial);
    }

    /** {@code getSendStream()}: a Basic binary message in parts. */
    OutputStream openStream() {
        beginBasicPartial(MessageType.BINARY);
        return new PartialOutputStream((part, last) -> sendPartThen(MessageType.BINARY, part, last,
                this::endBasicPartial), STREAM_BUFFER);
    }

    /** {@code getSendWriter()}: a Basic text message in parts. */
    Writer openWriter() {
        beginBasicPartial(MessageType.TEXT);
        return new PartialWriter((part, last) -> sendPartThen(MessageType.TEXT, part, last, this::endBasicPartial),
                STREAM_BUFFER);
    }

    /**
     * {@code sendObject}: the first configured encoder for the value's class, then the built-in
     * ones (String and the primitive boxes as text, {@code ByteBuffer}/{@code byte[]} as binary).
     *
     * @throws EncodeException if the encoder fails or none takes the value
     */
    void sendObject(Object value, boolean basic) throws IOException, EncodeException {
        if (value == null) {
            throw new IllegalArgumentException("Cannot send null");
        }
        var entry = encoders.forValue(value);
        if (entry.isPresent()) {
            sendEncoded(entry.get(), value, basic);
        } else if (BuiltInCoders.encodesAsText(value)) {
            sendWhole(MessageType.TEXT, MessageSender.utf8(value.toString()), basic);
        } else if (value instanceof ByteBuffer buffer) {
            sendWhole(MessageType.BINARY, buffer, basic);
        } else if (value instanceof byte[] bytes) {
            sendWhole(MessageType.BINARY, ByteBuffer.wrap(bytes), basic);
        } else {
            throw new EncodeException(value, "No encoder for " + value.getClass().getName());
        }
    }

    @SuppressWarnings("unchecked")
    private void sendEncoded(SessionEncoders.Entry entry, Object value, boolean basic)
            throws IOException, EncodeException {
        Encoder encoder = entry.encoder();
        switch (entry.shape()) {
            case TEXT -> {
                String text;
                synchronized (encoder) {
                    text = ((Encoder.Text<Object>) encoder).encode(value);
                }
                sendWhole(MessageType.TEXT, MessageSender.utf8(text), basic);
            }
            case BINARY -> {
                ByteBuffer bytes;
                synchronized (encoder) {
                    bytes = ((Encoder.Binary<Object>) encoder).encode(value);
                }
                sendWhole(MessageType.BINARY, bytes, basic);
            }
            case TEXT_STREAM -> {
                // Written as it is encoded: a message in parts, finished even if the encoder fails
                // (the peer gets what was written; the caller gets the exception). An asynchronous
                // one is a message of its own: it waits for a Basic message in parts to end.
                Object message = new Object();
                try (Writer writer = basic ? openWriter() : new PartialWriter(
                        (part, last) -> engine.sendPart(MessageType.TEXT, part, last, message), STREAM_BUFFER)) {
                    synchronized (encoder) {
                        ((Encoder.TextStream<Object>) encoder).encode(value, writer);
                    }
                }
            }
            case BINARY_STREAM -> {
                Object message = new Object();
                try (OutputStream out = basic ? openStream() : new PartialOutputStream(
                        (part, last) -> engine.sendPart(MessageType.BINARY, part, last, message), STREAM_BUFFER)) {
                    synchronized (encoder) {
                        ((Encoder.BinaryStream<Object>) encoder).encode(value, out);
                    }
                }
            }
        }
    }

    /** A part of a Basic message of {@code type}: it continues the message in parts, or begins one. */
    private synchronized void claimBasicPart(MessageType type) {
        if (basicPartial != null && basicPartial != type) {
            throw new IllegalStateException("A " + basicPartial.name().toLowerCase()
                    + " message in parts is being sent; finish it before a " + type.name().toLowerCase() + " one");
        }
        basicPartial = type;
    }

    private synchronized void beginBasicPartial(MessageType type) {
        if (basicPartial != null) {
            throw new IllegalStateException("A " + basicPartial.name().toLowerCase()
                    + " message in parts is being sent; finish it first");
        }
        basicPartial = type;
    }

    private synchronized void endBasicPartial() {
        basicPartial = null;
        heldHighSurrogate = null;
    }

    /** Sends a part; the message is over after its last part, or when sending fails (the engine ends its turn). */
    private void sendPartThen(MessageType type, ByteBuffer part, boolean last, Runnable ended) throws IOException {
        boolean done = false;
        try {
            engine.sendPart(type, part, last);
            done = true;
        } finally {
            if (last || !done) {
                ended.run();
            }
        }
    }
}
