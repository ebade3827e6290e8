package dev.switch101.session;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: every connection gets
 * its handler callbacks in order without owning a thread.
 */
public final class SerialExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor executor;
    /** Small to start with: an idle connection keeps it, and it grows when callbacks pile up. */
    private final Queue<Runnable> tasks = new ArrayDeque<>(2);
    private boolean running;

    public SerialExecutor(Executor executor) {
        this.executor = executor;
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
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The application is stopping and its executor takes no more: run the last
            // callbacks (the close reports) here rather than lose them.
            drain();
        }
    }

    /** Whether no task is queued or running. */
    public boolean isIdle() {
        synchronized (tasks) {
            return !running;
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // Tasks handle their own failures; one that escapes must not stop the queue.
                LOG.log(Level.ERROR, "Unexpected failure in a connection task", e);
            }
        }
    }
}
