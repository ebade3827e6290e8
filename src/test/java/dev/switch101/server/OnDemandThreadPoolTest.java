package dev.switch101.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The dispatch pool starts threads only for callbacks that run at the same time: the plain
 * ThreadPoolExecutor it replaces grew to its maximum under connection churn, a new thread per task.
 */
class OnDemandThreadPoolTest {

    @Test
    void tasksOneAfterAnotherReuseOneThreadInsteadOfStartingOneEach() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        OnDemandThreadPool pool = OnDemandThreadPool.create(200, Thread::new);
        try {
            for (int i = 0; i < 500; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                    used.add(Thread.currentThread());
                    done.countDown();
                });
                assertTrue(done.await(5, TimeUnit.SECONDS));
            }
            // A thread counts as busy until it is back for more, so the next task, submitted as
            // soon as this one is done, may find none idle: a few threads, not one per task (the
            // plain ThreadPoolExecutor this replaces used 200 here).
            assertTrue(used.size() <= 4, "threads used for 500 tasks in a row: " + used.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksRunningAtOnceGetThreadsOfTheirOwnUpToTheMaximumThenWait() throws Exception {
        OnDemandThreadPool pool = OnDemandThreadPool.create(4, Thread::new);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(4);
        CountDownLatch all = new CountDownLatch(6);
        try {
            for (int i = 0; i < 6; i++) {
                pool.execute(() -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    all.countDown();
                });
            }
            assertTrue(running.await(5, TimeUnit.SECONDS), "four blocked tasks, four threads");
            assertEquals(4, pool.getPoolSize());
            assertEquals(2, pool.getQueue().size(), "the fifth and sixth wait for a thread");
            release.countDown();
            assertTrue(all.await(5, TimeUnit.SECONDS), "the waiting tasks run once threads are free");
        } finally {
            pool.shutdownNow();
        }
    }

    // A thread whose idle wait had timed out still counted as idle until it ended: a task given
    // to the pool at that moment was queued for it, and then waited behind busy threads for as
    // long as they stayed busy. A task is now queued only for a waiting thread that takes it.
    @Test
    void aTaskIsQueuedOnlyForAWaitingThreadThatTakesItEvenAsItsWaitTimesOut() throws Exception {
        OnDemandThreadPool.TaskQueue queue = new OnDemandThreadPool.TaskQueue();
        Runnable task = () -> { };
        int handedOver = 0;
        for (int i = 0; i < 500; i++) {
            java.util.concurrent.CompletableFuture<Runnable> taken = new java.util.concurrent.CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    taken.complete(queue.poll(200, TimeUnit.MICROSECONDS)); // times out about when the offer comes
                } catch (InterruptedException e) {
                    taken.completeExceptionally(e);
                }
            });
            waiter.start();
            boolean queued = queue.offer(task);
            Runnable got = taken.get(5, TimeUnit.SECONDS);
            assertEquals(queued, got != null, "queued for a waiting thread exactly when it took the task");
            assertTrue(queue.isEmpty(), "no task left behind");
            handedOver += queued ? 1 : 0;
        }
        System.out.println("hand-overs to a waiting thread: " + handedOver + " of 500");
    }

    @Test
    void aStoppedPoolRefusesTasks() {
        OnDemandThreadPool pool = OnDemandThreadPool.create(2, Thread::new);
        pool.shutdown();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    }
}
