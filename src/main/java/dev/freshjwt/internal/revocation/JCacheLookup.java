package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds a JCache {@code CacheManager}: a CDI bean first (Payara produces one from its data grid), then the
 * default caching provider of the class path. Touches JCache classes only when the API is there at all, so
 * servers without it (WildFly, Open Liberty by default) never load them.
 *
 * <p>The lookup is given {@value #PATIENCE_SECONDS} seconds: Payara with its data grid disabled still offers a
 * CacheManager, whose cache then waits forever for a grid that never comes.
 */
final class JCacheLookup {

    private static final Logger LOG = Logger.getLogger(JCacheLookup.class.getName());
    private static final int PATIENCE_SECONDS = 10;

    private JCacheLookup() {
    }

    static Optional<JCacheRevocationStore> find(Duration retention, Clock clock) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName("javax.cache.CacheManager", false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        javax.cache.CacheManager manager;
        try {
            manager = Optional.ofNullable(managed()).or(JCacheLookup::fromProvider).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "freshjwt: the JCache CacheManager cannot be looked up; revocations stay in memory", e);
            return Optional.empty();
        }
        if (manager == null) {
            return Optional.empty();
        }
        FutureTask<JCacheRevocationStore> opening = new FutureTask<>(() -> new JCacheRevocationStore(manager, retention, clock));
        Thread opener = new Thread(opening, "freshjwt-jcache-open");
        opener.setDaemon(true);
        opener.setContextClassLoader(loader);
        opener.start();
        try {
            return Optional.of(opening.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            opening.cancel(true);
            LOG.warning("freshjwt: the JCache CacheManager did not open a cache within " + PATIENCE_SECONDS
                    + " s (Payara with its data grid disabled?); revocations stay in memory. Set "
                    + FreshJwtConfig.REVOCATION_STORE + "=memory to skip the attempt.");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "freshjwt: the JCache CacheManager cannot be used; revocations stay in memory", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static javax.cache.CacheManager managed() {
        Instance<javax.cache.CacheManager> managers = CDI.current().select(javax.cache.CacheManager.class);
        return managers.isResolvable() ? managers.get() : null;
    }

    private static Optional<javax.cache.CacheManager> fromProvider() {
        if (!javax.cache.Caching.getCachingProviders().iterator().hasNext()) {
            return Optional.empty();
        }
        return Optional.of(javax.cache.Caching.getCachingProvider().getCacheManager());
    }
}
