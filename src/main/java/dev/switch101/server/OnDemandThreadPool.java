package dev.switch101.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread pool that hands a task to an idle thread when there is one, starts a thread only when
 * there is none (up to its maximum), and queues beyond that; a thread idle for a minute ends.
 *
 * <p>Why not a plain {@link ThreadPoolExecutor} with as many core threads as its maximum: that
 * starts a new thread for every task until it has them all, idle threads or not. Under connection
 * churn the dispatch pool so grew to its 200 threads, and on two cores 200 threads contending for
 * the pool's locks made handshakes wait (JFR: parks of 13 ms on average in {@code execute}, on
 * the container's threads). Here the number of threads follows the callbacks actually running at
 * once.
 */
final class OnDemandThreadPool extends ThreadPoolExecutor {

    /** Tasks submitted and not yet finished: more than there are threads means none is idle. */
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Threads alive (counted by the factory's threads themselves, without the pool's lock). */
    private final AtomicInteger alive;

    private OnDemandThreadPool(int maxThreads, long keepAliveSeconds, ThreadFactory factory, TaskQueue queue,
            AtomicInteger alive) {
        super(0, maxThreads, keepAliveSeconds, TimeUnit.SECONDS, queue, factory, (task, pool) -> {
            // At its maximum: the task waits for a thread, unless the pool is stopping.
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("The WebSocket callback pool is stopped");
            }
            queue.force(task);
        });
        this.alive = alive;
        queue.pool = this;
    }

    /**
     * @param maxThreads the most threads at once
     * @param factory    makes the threads; each must run its runnable and nothing else
     */
    static OnDemandThreadPool create(int maxThreads, ThreadFactory factory) {
        AtomicInteger alive = new AtomicInteger();
        ThreadFactory counting = runnable -> factory.newThread(() -> {
            alive.incrementAndGet();
            try {
                runnable.run();
            } finally {
                alive.decrementAndGet();
            }
        });
        return new OnDemandThreadPool(maxThreads, 60, counting, new TaskQueue(), alive);
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        unfinished.decrementAndGet();
    }

    /** Whether a thread is idle (or about to be) to take a queued task. */
    private boolean hasIdleThread() {
        return unfinished.get() <= alive.get();
    }

    /** Takes a task only when a thread is idle or no more threads may start; otherwise the pool starts one. */
    private static final class TaskQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private transient OnDemandThreadPool pool;

        @Override
        public boolean offer(Runnable task) {
            if (pool.hasIdleThread() || pool.alive.get() >= pool.getMaximumPoolSize()) {
                return super.offer(task);
            }
            return false; // ThreadPoolExecutor starts a thread for the task
        }

        void force(Runnable task) {
            super.offer(task);
        }
    }
}
