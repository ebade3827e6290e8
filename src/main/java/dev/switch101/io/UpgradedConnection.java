package dev.switch101.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.servlet.http.WebConnection;

/**
 * The upgraded connection the container handed over, and what containers disagree on about
 * closing it. Tomcat closes an upgraded socket only when one of its callbacks for it returns
 * and finds the streams closed: a {@link WebConnection#close()} on any other thread just marks
 * them, and the socket stays open until the next socket event, which may never come (a silent
 * or vanished peer). So where that is the case ({@link ReadResumption#closesOnlyInCallbacks()}),
 * a close from outside a callback also wakes a callback thread parked in the reader, and asks
 * the container to dispatch a read event for the connection — the way Tomcat's own WebSocket
 * implementation resumes a connection — whose callback finds the streams closed.
 *
 * <p>Callbacks of one connection never overlap (Tomcat serializes them on the socket, Undertow
 * runs them on the connection's I/O thread), so one field tells whether the current thread is in one.
 */
final class UpgradedConnection {

    private static final System.Logger LOG = System.getLogger(UpgradedConnection.class.getName());

    private final WebConnection connection;
    private final boolean closesOnlyInCallbacks;
    private volatile Thread callbackThread;
    private volatile Runnable wakeReader = () -> { };
    private volatile Runnable onClosed = () -> { };
    private boolean closed;

    UpgradedConnection(WebConnection connection, boolean closesOnlyInCallbacks) {
        this.connection = connection;
        this.closesOnlyInCallbacks = closesOnlyInCallbacks;
    }

    /** @param wakeReader wakes a callback thread parked in the reader, so that it returns */
    void onCloseFromOutside(Runnable wakeReader) {
        this.wakeReader = wakeReader;
    }

    /** @param action runs once, when the connection has been closed (by us or by the container) */
    void onClosed(Runnable action) {
        this.onClosed = action;
    }

    /** Runs a container callback, marking this thread as one on which a close takes effect. */
    void inCallback(Runnable callback) {
        Thread previous = callbackThread;
        callbackThread = Thread.currentThread();
        try {
            callback.run();
        } finally {
            callbackThread = previous;
        }
    }

    /** Closes the connection; where the container needs one of its callbacks for that, brings one about. */
    void close() {
        if (!markClosed()) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            // The peer may have gone already; the connection is finished either way.
            LOG.log(Level.DEBUG, "Closing the connection failed", e);
        }
        if (closesOnlyInCallbacks && callbackThread != Thread.currentThread()) {
            wakeReader.run();
            dispatchRead();
        }
        onClosed.run();
    }

    /**
     * Closes the connection without waiting for output the peer will never take: for a peer
     * that is gone or does not read. Undertow keeps what a non-blocking write could not take in
     * a buffer of its own; its close writes that buffer in blocking mode (which never returns
     * if the peer does not read), and when a write of it fails, its write listener retries it in
     * a loop that never ends (a spinning I/O thread). So that buffer is emptied first; other
     * containers close without such waits.
     */
    void abort() {
        dropUnwrittenOutput();
        close();
    }

    private void dropUnwrittenOutput() {
        Object unwritten;
        try {
            // No such field (not Undertow), or no buffer: nothing to drop.
            unwritten = ContainerFields.value(connection.getOutputStream(), "buffer").orElse(null);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Cannot reach the container's unwritten output", e);
            return;
        }
        if (unwritten instanceof ByteBuffer buffer) {
            buffer.position(buffer.limit());
        }
    }

    /** Whether the connection has been closed (by us or by the container). */
    synchronized boolean isClosed() {
        return closed;
    }

    /** The container is done with the connection ({@code HttpUpgradeHandler.destroy}). */
    void destroyed() {
        if (markClosed()) {
            onClosed.run();
        }
    }

    /** Marks the connection closed; {@code false} if it already was. */
    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /**
     * Has Tomcat dispatch a read event for this socket ({@code SocketWrapperBase.processSocket}),
     * reached through its input stream; the event waits for a callback in progress to return.
     * Without it (another container, or a Tomcat that changed inside) a close waits for the next
     * socket event, and so does input the container has already buffered.
     */
    void dispatchRead() {
        try {
            Object in = connection.getInputStream();
            Object wrapper = ContainerFields.value(in, "socketWrapper")
                    .orElseThrow(() -> new NoSuchFieldException(in.getClass().getName() + ".socketWrapper"));
            ReadDispatch dispatch = READ_DISPATCH.get(wrapper.getClass());
            dispatch.process.invoke(wrapper, dispatch.openRead, true);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Cannot ask the container for a read event on the connection; "
                    + "it waits for the next socket event: {0}", e.toString());
        }
    }

    /**
     * The executor that runs tasks on this connection's container I/O thread, where the container
     * exposes one (Undertow keeps it in its {@code WebConnection}); reading there cannot race
     * with the container's own reads.
     */
    Optional<Executor> ioThread() {
        try {
            return ContainerFields.value(connection, "ioExecutor").orElse(null) instanceof Executor executor
                    ? Optional.of(executor) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Said once, as a warning, by the handler that falls back; this is the why.
            LOG.log(Level.DEBUG, "The container's I/O thread is not readable: {0}", e.toString());
            return Optional.empty();
        }
    }

    /** Tomcat's {@code processSocket(SocketEvent, boolean)} and {@code SocketEvent.OPEN_READ}, found once per class. */
    private record ReadDispatch(Method process, Object openRead) {
    }

    private static final ClassValue<ReadDispatch> READ_DISPATCH = new ClassValue<>() {
        @Override
        protected ReadDispatch computeValue(Class<?> wrapperType) {
            try {
                Class<?> eventType = Class.forName("org.apache.tomcat.util.net.SocketEvent", false,
                        wrapperType.getClassLoader());
                return new ReadDispatch(wrapperType.getMethod("processSocket", eventType, boolean.class),
                        enumConstant(eventType, "OPEN_READ"));
            } catch (ReflectiveOperationException e) {
                // Not cached: ClassValue does not keep a value when computeValue throws.
                throw new IllegalStateException("Not Tomcat's socket wrapper: " + e, e);
            }
        }
    };

    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no " + name);
    }
}
