package dev.freshjwt.internal.revocation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JDBC store's background on a server: the server's default managed scheduled executor (Jakarta Concurrency)
 * when the application can look it up, else one daemon thread of freshjwt's own, stopped when the application
 * stops. Either way tasks run outside the transaction of the thread that submits them.
 */
final class ScheduledBackground implements Background {

    private static final Logger LOG = Logger.getLogger(ScheduledBackground.class.getName());
    static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    private final ScheduledExecutorService executor;
    private final boolean owned;

    private ScheduledBackground(ScheduledExecutorService executor, boolean owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** The server's managed scheduled executor, or a thread of our own where there is none. */
    static ScheduledBackground find() {
        try {
            if (new InitialContext().lookup(MANAGED) instanceof ScheduledExecutorService managed) {
                return new ScheduledBackground(managed, false);
            }
        } catch (NamingException | RuntimeException absent) {
            // no Jakarta Concurrency here (Open Liberty without the concurrent-3.0 feature)
        }
        LOG.info("freshjwt: no " + MANAGED + "; a thread of freshjwt's own reads the revocation store");
        return ownThread();
    }

    /** One daemon thread of freshjwt's own, stopped by {@link #close()}. */
    static ScheduledBackground ownThread() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ScheduledBackground(Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "freshjwt-revocations");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        }), true);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public AutoCloseable repeat(Runnable task, Duration period) {
        long millis = Math.max(1, period.toMillis());
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread of our own; the server's executor is the server's to stop (the application may not). */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
