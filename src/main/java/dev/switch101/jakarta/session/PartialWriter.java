package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code RemoteEndpoint.Basic.getSendWriter()}: a text message sent in parts as the buffer
 * fills, the last part on {@link #close()}. A surrogate pair is never split between parts (each
 * part is valid UTF-8 on its own). Memory is one buffer. Not thread-safe (one writer).
 */
final class PartialWriter extends Writer {

    private final PartSender sender;
    private final char[] buffer;
    private int length;
    private boolean closed;

    PartialWriter(PartSender sender, int bufferSize) {
        this.sender = sender;
        this.buffer = new char[Math.max(2, bufferSize)];
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
        while (len > 0) {
            if (length == buffer.length) {
                sendBuffer(false);
            }
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(cbuf, off, buffer, length, n);
            length += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered as a part (nothing if the buffer is empty). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (length > 0) {
            sendBuffer(false);
        }
    }

    /** Sends the rest as the last part. A second close does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        sendBuffer(true);
    }

    private void sendBuffer(boolean last) throws IOException {
        int n = length;
        if (!last && n > 0 && Character.isHighSurrogate(buffer[n - 1])) {
            n--; // its low surrogate is still to come: keep the pair together
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(buffer, 0, n));
        sender.send(bytes, last);
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The message writer is closed");
        }
    }
}
