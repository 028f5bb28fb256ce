package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * <p>Payara without its data grid produces a {@code null} CacheManager bean: JCache is off, nothing more is tried (the
 * class path's provider there is a Hazelcast client that would wait forever for a grid). Whatever else may wait for a
 * grid, a provider's manager and the cache itself, is given {@value #PATIENCE_SECONDS} seconds.
 */
final class JCacheLookup {

    private static final Logger LOG = Logger.getLogger(JCacheLookup.class.getName());
    private static final int PATIENCE_SECONDS = 10;

    private JCacheLookup() {
    }

    /**
     * @param heartbeatInterval how often the store reads the cache to confirm it reaches the grid
     * @param maxStaleness how long its mirror is trusted beyond the reads it takes to notice that none answers
     */
    static Optional<JCacheRevocationStore> find(Duration retention, Clock clock, Duration heartbeatInterval,
            Duration maxStaleness) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName("javax.cache.CacheManager", false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        Callable<javax.cache.CacheManager> manager;
        try {
            Instance<javax.cache.CacheManager> managed = CDI.current().select(javax.cache.CacheManager.class);
            if (managed.isResolvable()) {
                javax.cache.CacheManager server = managed.get();
                if (server == null) { // the server manages JCache and says it is off (Payara without its data grid)
                    LOG.info("freshjwt: the server's JCache is disabled; revocations stay in memory");
                    return Optional.empty();
                }
                manager = () -> server;
            } else {
                manager = JCacheLookup::fromProvider;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "freshjwt: the JCache CacheManager cannot be looked up; revocations stay in memory", e);
            return Optional.empty();
        }
        // Looked up here: the opener's thread has no java:comp. Closed unless a store comes of it.
        JCacheRevocationStore.Heartbeat heartbeat = new JCacheRevocationStore.Heartbeat(ScheduledBackground.find(),
                heartbeatInterval, maxStaleness);
        Optional<JCacheRevocationStore> store = open(manager, retention, clock, heartbeat, loader);
        if (store.isEmpty()) {
            heartbeat.background().close();
        }
        return store;
    }

    private static Optional<JCacheRevocationStore> open(Callable<javax.cache.CacheManager> manager, Duration retention,
            Clock clock, JCacheRevocationStore.Heartbeat heartbeat, ClassLoader loader) {
        // Getting a manager from a provider, and opening a cache, may wait for a grid that never comes: given a limit.
        FutureTask<JCacheRevocationStore> opening = new FutureTask<>(() -> {
            javax.cache.CacheManager found = manager.call();
            return found == null ? null : new JCacheRevocationStore(found, retention, clock, heartbeat);
        });
        Thread opener = new Thread(opening, "freshjwt-jcache-open");
        opener.setDaemon(true);
        opener.setContextClassLoader(loader);
        opener.start();
        try {
            return Optional.ofNullable(opening.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            opening.cancel(true);
            LOG.warning("freshjwt: no JCache cache could be opened within " + PATIENCE_SECONDS
                    + " s (a JCache client waiting for its grid?); revocations stay in memory. Set "
                    + FreshJwtConfig.REVOCATION_STORE + "=memory to skip the attempt.");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "freshjwt: the JCache CacheManager cannot be used; revocations stay in memory", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The default caching provider's manager, or {@code null} when the class path has no JCache provider. */
    private static javax.cache.CacheManager fromProvider() {
        if (!javax.cache.Caching.getCachingProviders().iterator().hasNext()) {
            return null;
        }
        return javax.cache.Caching.getCachingProvider().getCacheManager();
    }
}
