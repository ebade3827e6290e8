package dev.switch101.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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

    private OnDemandThreadPool(int maxThreads, long keepAliveSeconds, ThreadFactory factory, TaskQueue queue) {
        super(0, maxThreads, keepAliveSeconds, TimeUnit.SECONDS, queue, factory, (task, pool) -> {
            // At its maximum: the task waits for a thread, unless the pool is stopping.
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("The WebSocket callback pool is stopped");
            }
            queue.force(task);
        });
    }

    /**
     * @param maxThreads the most threads at once
     * @param factory    makes the threads; each must run its runnable and nothing else
     */
    static OnDemandThreadPool create(int maxThreads, ThreadFactory factory) {
        return new OnDemandThreadPool(maxThreads, 60, factory, new TaskQueue());
    }

    /**
     * Takes a task only for a thread that waits for one, so that every queued task has a thread
     * that will run it; otherwise the pool starts a thread, or at its maximum queues the task
     * ({@link #force}) for the first thread to finish.
     *
     * <p>Waiting threads and queued tasks are counted under one lock, and a waiting thread takes
     * its task under it too. A thread whose idle wait has timed out is no longer counted, so the
     * pool, which then retires it, is never told that it is idle. (Counting threads alive instead
     * did: a task queued for a thread at the moment it retired waited behind busy threads for as
     * long as they stayed busy, up to a send timeout.)
     */
    static final class TaskQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        private final transient ReentrantLock lock = new ReentrantLock();
        private final transient Condition added = lock.newCondition();
        /** Threads waiting in poll or take. Guarded by {@code lock}. */
        private int waiting;

        @Override
        public boolean offer(Runnable task) {
            lock.lock();
            try {
                if (waiting > size()) {
                    super.offer(task);
                    added.signal();
                    return true;
                }
                return false; // ThreadPoolExecutor starts a thread for the task
            } finally {
                lock.unlock();
            }
        }

        /** Queues a task whatever the waiting threads: the pool is at its maximum. */
        void force(Runnable task) {
            lock.lock();
            try {
                super.offer(task);
                added.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            lock.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (isEmpty()) {
                        if (nanos <= 0) {
                            return null;
                        }
                        nanos = added.awaitNanos(nanos);
                    }
                    return super.poll();
                } finally {
                    waiting--;
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Runnable take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (isEmpty()) {
                        added.await();
                    }
                    return super.poll();
                } finally {
                    waiting--;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
