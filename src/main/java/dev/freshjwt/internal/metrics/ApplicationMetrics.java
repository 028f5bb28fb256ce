package dev.freshjwt.internal.metrics;

/**
 * The application's {@link Metrics}, installed once CDI has started: most places that record are not CDI beans. The
 * library jar lives in the application's class loader, so this is per application. {@link Metrics#NONE} until then,
 * and after the application stops. Thread-safe.
 */
public final class ApplicationMetrics {

    private static volatile Metrics current = Metrics.NONE;

    private ApplicationMetrics() {
    }

    /** Where to record now. */
    public static Metrics current() {
        return current;
    }

    /** Replaces the application's metrics; the replaced ones are closed. {@code null} records nothing. */
    public static void install(Metrics metrics) {
        Metrics replaced = current;
        current = metrics == null ? Metrics.NONE : metrics;
        if (replaced != current) {
            replaced.close();
        }
    }
}
