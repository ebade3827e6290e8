package dev.switch101.server;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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
    private final Set<Thread> threads;

    private DispatchExecutor(Executor executor, ExecutorService owned, Set<Thread> threads) {
        this.executor = executor;
        this.owned = owned;
        this.threads = threads;
    }

    /**
     * @param useManaged whether to look for the container's managed executor first
     * @param threads    the size of our own pool when there is none
     * @param name       our threads' name prefix
     */
    static DispatchExecutor create(boolean useManaged, int threads, String name) {
        if (useManaged) {
            try {
                Object managed = new InitialContext().lookup(MANAGED_EXECUTOR);
                if (managed instanceof Executor executor) {
                    LOG.log(Level.DEBUG, "Dispatching WebSocket callbacks on {0}", MANAGED_EXECUTOR);
                    return new DispatchExecutor(executor, null, Set.of());
                }
            } catch (NamingException | RuntimeException e) {
                LOG.log(Level.DEBUG, "No managed executor ({0}); using our own pool", e.toString());
            }
        }
        AtomicInteger count = new AtomicInteger();
        Set<Thread> started = ConcurrentHashMap.newKeySet();
        // Idle applications hold no threads: the pool's threads end after a minute without work.
        OnDemandThreadPool pool = OnDemandThreadPool.create(threads, r -> {
            // A thread that times out leaves the set: over a long life the pool starts
            // threads again and again, and the set must hold only the living ones.
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    started.remove(Thread.currentThread());
                }
            }, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            started.add(t);
            return t;
        });
        return new DispatchExecutor(pool, pool, started);
    }

    Executor executor() {
        return executor;
    }

    /**
     * Stops our own pool (a managed executor belongs to the container), waiting a bounded time
     * for callbacks in progress, so that no thread of ours outlives the application.
     */
    void shutdown(long graceMillis) {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            if (!owned.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "WebSocket callbacks still running at shutdown; interrupting them");
                owned.shutdownNow();
            }
            // A terminated pool's workers may still be on their way out: wait until they are gone,
            // so no thread of ours is alive when the container checks for leaks.
            for (Thread thread : threads) {
                thread.join(graceMillis);
            }
        } catch (InterruptedException e) {
            owned.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
