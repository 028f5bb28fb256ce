package dev.freshjwt.internal.revocation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A background whose periodic tasks run only when the test says so ({@link #runPeriodicTasks()}): no sleeping.
 * Handed-over work runs at once on a new thread, as on a server's executor.
 */
final class ManualBackground implements Background {

    private final List<Runnable> periodic = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Runs every periodic task once, as if each period had passed. */
    void runPeriodicTasks() {
        periodic.forEach(Runnable::run);
    }

    int periodicTasks() {
        return periodic.size();
    }

    /** The threads that ran handed-over work. */
    List<Thread> threads() {
        return threads;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "manual-background");
        threads.add(thread);
        thread.start();
    }

    @Override
    public AutoCloseable repeat(Runnable task, Duration period) {
        periodic.add(task);
        return () -> periodic.remove(task);
    }

    @Override
    public void close() {
        closed = true;
    }
}
