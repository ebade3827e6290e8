package dev.switch101.examples;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The connection side of {@code echo/1}: non-blocking, with a fixed buffer. Reading stops
 * while the output cannot take more (so a client that does not read cannot make the server
 * buffer without bound) and resumes when it can.
 */
final class LineEchoHandler implements HttpUpgradeHandler {

    private static final System.Logger LOG = System.getLogger(LineEchoHandler.class.getName());

    private final byte[] completion;
    private final byte[] buffer = new byte[8192];
    private WebConnection connection;
    private ServletInputStream in;
    private ServletOutputStream out;
    private boolean completionSent;
    private boolean inputDone;
    private boolean closed;

    LineEchoHandler(String completion) {
        this.completion = completion.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void init(WebConnection webConnection) {
        try {
            connection = webConnection;
            in = webConnection.getInputStream();
            out = webConnection.getOutputStream();
            Listener listener = new Listener();
            out.setWriteListener(listener);
            in.setReadListener(listener);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "echo/1 connection failed at start", e);
            close();
        }
    }

    /**
     * Moves bytes from input to output while both are ready. Called from read and write
     * events, which a container may deliver on different threads.
     */
    private synchronized void pump() throws IOException {
        if (closed) {
            return;
        }
        if (!completionSent) {
            if (!out.isReady()) {
                return;
            }
            out.write(completion);
            completionSent = true;
        }
        while (!inputDone && out.isReady() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                inputDone = true;
            } else if (n > 0) {
                // Exactly the n bytes read, as an array of its own: Undertow's upgraded output
                // stream (WildFly 39, Undertow 2.3.23) ignores offset and length in non-blocking
                // mode and would send the whole 8 KiB buffer, NUL padding included.
                out.write(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
            }
        }
        // Some containers (Tomcat) keep non-blocking writes buffered until a flush.
        if (out.isReady()) {
            out.flush();
        }
        if (inputDone && out.isReady()) {
            close();
        }
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "echo/1 close failed", e);
        }
    }

    @Override
    public void destroy() {
        close();
    }

    private final class Listener implements ReadListener, WriteListener {
        @Override
        public void onDataAvailable() throws IOException {
            pump();
        }

        @Override
        public void onAllDataRead() throws IOException {
            synchronized (LineEchoHandler.this) {
                inputDone = true;
            }
            pump();
        }

        @Override
        public void onWritePossible() throws IOException {
            pump();
        }

        @Override
        public void onError(Throwable t) {
            LOG.log(Level.DEBUG, "echo/1 connection error", t);
            close();
        }
    }
}
