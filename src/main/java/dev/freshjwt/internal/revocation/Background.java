package dev.freshjwt.internal.revocation;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Where a polling store's background work runs ({@link ScheduledBackground} on a server). Its tasks run outside any
 * transaction of the thread that hands them over.
 */
interface Background extends Executor, AutoCloseable {

    /**
     * Runs {@code task} every {@code period} (the first time after one period; a late run delays the next) until the
     * returned handle is closed. The task must not throw.
     */
    AutoCloseable repeat(Runnable task, Duration period);

    /** Stops what belongs to this background and nothing else. */
    @Override
    void close();
}
