package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * {@code RemoteEndpoint.Basic.getSendStream()}: a binary message sent in parts as the buffer
 * fills, the last part on {@link #close()}. Memory is one buffer. Not thread-safe (one writer).
 */
final class PartialOutputStream extends OutputStream {

    private final PartSender sender;
    private final byte[] buffer;
    private int length;
    private boolean closed;

    PartialOutputStream(PartSender sender, int bufferSize) {
        this.sender = sender;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (length == buffer.length) {
            sendBuffer(false);
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (length == buffer.length) {
                sendBuffer(false);
            }
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, n);
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
        sender.send(ByteBuffer.wrap(buffer, 0, length), last);
        length = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The message stream is closed");
        }
    }
}
