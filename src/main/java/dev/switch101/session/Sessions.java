package dev.switch101.session;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.switch101.frame.CloseCodes;

/**
 * The open sessions of one application: one timer thread enforces every session's idle and
 * close timeouts (rather than a timer per connection), {@link #shutdown} tells every open
 * session that the server is going away (1001), and the sessions share one pool of read
 * buffers ({@link #readBuffers()}), so that an idle connection holds none.
 */
public final class Sessions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    private static final long SWEEP_MILLIS = 250;

    private final Set<CoreSession> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> sweep;
    private final ReadBuffers readBuffers;
    private volatile Thread timerThread;

    /** Sessions whose read buffers are pooled with the default size and capacity. */
    public Sessions() {
        this(new ReadBuffers(Limits.DEFAULT.readBufferSize(), ReadBuffers.DEFAULT_CAPACITY));
    }

    /** @param readBuffers the read buffers the sessions' transports borrow from */
    public Sessions(ReadBuffers readBuffers) {
        this.readBuffers = readBuffers;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switch101-timeouts");
            t.setDaemon(true);
            timerThread = t;
            return t;
        });
        sweep = timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The read buffers the sessions' transports borrow while they read. */
    public ReadBuffers readBuffers() {
        return readBuffers;
    }

    /** Tracks a session until it closes. */
    public void add(CoreSession session) {
        open.add(session);
        session.onFinished(() -> open.remove(session));
    }

    /** How many sessions are open. */
    public int size() {
        return open.size();
    }

    private void sweep() {
        sweep(System.nanoTime());
    }

    /**
     * One sweep at {@code now}. A session whose check fails (container code under its transport
     * threw) is dropped, and the others are still checked: an exception escaping a periodic task
     * would end it for good, silently, and no timeout of the application would be enforced again.
     */
    void sweep(long now) {
        for (CoreSession session : open) {
            try {
                session.checkTimeouts(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A connection's timeout check failed; dropping the connection", e);
                drop(session);
            }
        }
    }

    private void drop(CoreSession session) {
        try {
            session.abort();
        } catch (RuntimeException e) {
            // Its transport cannot even abort: stop counting it, so that it is not tried (and
            // logged) again every sweep.
            LOG.log(Level.WARNING, "Could not drop the connection; no longer counted", e);
            open.remove(session);
        }
    }

    /**
     * Closes every open session with 1001 (going away), waits up to {@code graceMillis} for
     * the close handshakes, drops the connections still open, then stops the timer. For
     * application undeploy and server shutdown.
     */
    public void shutdown(long graceMillis) {
        for (CoreSession session : open) {
            session.close(CloseCodes.GOING_AWAY, "Server shutting down");
        }
        long deadline = System.currentTimeMillis() + graceMillis;
        while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
            sweep();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Whatever has not closed by now is dropped: no connection (nor a container thread
        // parked in one) outlives the application.
        for (CoreSession session : open) {
            session.abort();
        }
        close();
    }

    @Override
    public void close() {
        sweep.cancel(false);
        timer.shutdownNow();
        try {
            // The timer thread must not outlive the application (containers report it as a leak):
            // a terminated executor's thread may still be on its way out, so wait for the thread.
            timer.awaitTermination(1, TimeUnit.SECONDS);
            Thread t = timerThread;
            if (t != null) {
                t.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
