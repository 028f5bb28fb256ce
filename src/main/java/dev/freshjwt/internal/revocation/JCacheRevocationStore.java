package dev.freshjwt.internal.revocation;

import dev.freshjwt.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * A store in a JCache (JSR-107) cache, {@value #CACHE_NAME}. On Payara the cache lives in the Hazelcast data
 * grid, so every instance of a cluster sees every revocation, and {@code putIfAbsent} is atomic across them.
 *
 * <p>JCache has no per-entry lifetime: the cache forgets an entry {@code retention} after it was written (the
 * longest token lifetime plus skew), and each entry also carries its own expiry, checked on reading.
 */
public final class JCacheRevocationStore implements RevocationStore {

    static final String CACHE_NAME = "freshjwt-revocations";

    private final Cache<String, String> cache;
    private final Clock clock;

    public JCacheRevocationStore(CacheManager manager, Duration retention, Clock clock) {
        this.cache = cacheOf(manager, retention);
        this.clock = clock;
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
        cache.put(key, new StoredEntry(value, expiresAt.getEpochSecond()).encode());
    }

    @Override
    public OptionalLong putIfAbsent(String key, long value, Instant expiresAt) {
        String fresh = new StoredEntry(value, expiresAt.getEpochSecond()).encode();
        if (cache.putIfAbsent(key, fresh)) {
            return OptionalLong.empty();
        }
        String current = cache.get(key);
        if (current == null || !StoredEntry.decode(current).isLive(now())) {
            // expired or gone in between: replace it atomically, or learn who did
            return (current == null ? cache.putIfAbsent(key, fresh) : cache.replace(key, current, fresh))
                    ? OptionalLong.empty()
                    : get(key);
        }
        return OptionalLong.of(StoredEntry.decode(current).value());
    }

    @Override
    public OptionalLong get(String key) {
        String text = cache.get(key);
        if (text == null) {
            return OptionalLong.empty();
        }
        StoredEntry entry = StoredEntry.decode(text);
        return entry.isLive(now()) ? OptionalLong.of(entry.value()) : OptionalLong.empty();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static Cache<String, String> cacheOf(CacheManager manager, Duration retention) {
        Cache<String, String> existing = manager.getCache(CACHE_NAME, String.class, String.class);
        if (existing != null) {
            return existing;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, retention.toSeconds())));
        try {
            return manager.createCache(CACHE_NAME, configuration);
        } catch (CacheException createdElsewhere) {
            // another member of the cluster created it first: its settings hold cluster-wide
            return manager.getCache(CACHE_NAME, String.class, String.class);
        }
    }
}
