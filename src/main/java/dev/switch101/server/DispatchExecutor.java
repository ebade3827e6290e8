package dev.switch101.server;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where handler callbacks run: the container's default managed executor where there is one
 * (Jakarta EE servers such as WildFly), so callbacks get the application's context and the
 * server's thread management; otherwise (a servlet container such as Tomcat) a pool of our own.
 */
final class DispatchExecutor {

    private static final System.Logger LOG = System.getLogger(DispatchExecutor.class.getName());
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final Executor executor;
    private final ExecutorService owned;

    private DispatchExecutor(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /**
     * @param useManaged whether to look for the container's managed executor first
     * @param threads    the size of our own pool when there is none
     */
    static DispatchExecutor create(boolean useManaged, int threads) {
        if (useManaged) {
            try {
                Object managed = new InitialContext().lookup(MANAGED_EXECUTOR);
                if (managed instanceof Executor executor) {
                    LOG.log(Level.DEBUG, "Dispatching WebSocket callbacks on {0}", MANAGED_EXECUTOR);
                    return new DispatchExecutor(executor, null);
                }
            } catch (NamingException | RuntimeException e) {
                LOG.log(Level.DEBUG, "No managed executor ({0}); using our own pool", e.toString());
            }
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "switch101-dispatch-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Idle applications hold no threads.
        pool.allowCoreThreadTimeOut(true);
        return new DispatchExecutor(pool, pool);
    }

    Executor executor() {
        return executor;
    }

    /** Stops our own pool (a managed executor belongs to the container). */
    void shutdown() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
