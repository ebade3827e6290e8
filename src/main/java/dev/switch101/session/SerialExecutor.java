package dev.switch101.session;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: every connection gets
 * its handler callbacks in order without owning a thread.
 *
 * <p>A run of tasks (a batch: whatever was queued when the thread came, and what arrives while it
 * works) ends with {@code afterBatch} on the same thread; while more tasks wait behind the one
 * running, {@link #moreQueuedForCurrentThread()} says so, which lets a connection hold back its
 * flush until the batch's end.
 */
public final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor executor;
    private final Runnable afterBatch;
    /** Small to start with: an idle connection keeps it, and it grows when callbacks pile up. */
    private final Queue<Runnable> tasks = new ArrayDeque<>(2);
    private boolean running;
    /** The thread running the tasks now, or {@code null}. Guarded by {@code tasks}. */
    private Thread drainer;

    /**
     * @param executor   where the tasks run
     * @param afterBatch runs on the task thread after the last task of each batch
     */
    public SerialExecutor(Executor executor, Runnable afterBatch) {
        this.executor = executor;
        this.afterBatch = afterBatch;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        handOff();
    }

    /** Starts a drain on the executor; {@code running} is already set. */
    private void handOff() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The application is stopping and its executor takes no more: run the last
            // callbacks (the close reports) here rather than lose them.
            drain();
        }
    }

    /**
     * Runs {@code task} on the calling thread, with whatever other threads queue behind it
     * meanwhile, if no task is queued or running; otherwise does nothing. {@code afterBatch} does
     * not run: the caller decides when to flush, as it may run several batches in a row.
     *
     * @return whether the task ran; if not, the caller {@linkplain #execute queues} it
     */
    public boolean runHereIfIdle(Runnable task) {
        synchronized (tasks) {
            if (running) {
                return false;
            }
            running = true;
            tasks.add(task);
        }
        runTasks();
        return true;
    }

    /**
     * Runs {@code task} alone on the calling thread if no task is queued or running; otherwise
     * does nothing. Unlike {@link #runHereIfIdle}, what other threads queue meanwhile goes to the
     * executor once the task is done, not to this thread: the caller (a container thread, say)
     * vouches for this one task only.
     *
     * @return whether the task ran; if not, the caller {@linkplain #execute queues} it
     */
    public boolean runAloneHereIfIdle(Runnable task) {
        synchronized (tasks) {
            if (running) {
                return false;
            }
            running = true;
        }
        runSafely(task);
        synchronized (tasks) {
            if (tasks.isEmpty()) {
                running = false;
                return true;
            }
        }
        handOff();
        return true;
    }

    /** Whether the calling thread is running one of these tasks and more are queued behind it. */
    public boolean moreQueuedForCurrentThread() {
        synchronized (tasks) {
            return drainer == Thread.currentThread() && !tasks.isEmpty();
        }
    }

    /** Whether no task is queued or running. */
    public boolean isIdle() {
        synchronized (tasks) {
            return !running;
        }
    }

    private void drain() {
        runTasks();
        try {
            afterBatch.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Unexpected failure after a batch of connection tasks", e);
        }
    }

    private void runTasks() {
        synchronized (tasks) {
            drainer = Thread.currentThread();
        }
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    drainer = null;
                    break;
                }
            }
            runSafely(task);
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable e) {
            // Tasks handle their own failures; one that escapes (a checked exception thrown
            // where none is declared, too) must not stop the queue: it would stay "running".
            LOG.log(Level.ERROR, "Unexpected failure in a connection task", e);
        }
    }
}
