package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.RevocationStore;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * A store in a JCache (JSR-107) cache, {@value #CACHE_NAME}. On Payara the cache lives in the Hazelcast data
 * grid, so every instance of a cluster sees every revocation, and {@code putIfAbsent} is atomic across them.
 *
 * <p>JCache has no per-entry lifetime: the cache forgets an entry {@code retention} after it was last written (the
 * longest token lifetime plus skew), and each entry also carries its own expiry, checked on reading.
 *
 * <p>As a {@link RevocationFeed} it lists the cache and then listens to it (asynchronous JCache entry events, which
 * Payara's grid delivers from every member): checking a token then never asks the grid. JCache distributes a
 * listener's factory to the whole cluster, so the factory carries only an id, and the listener finds this
 * instance's sink by it; elsewhere it finds none and does nothing.
 *
 * <p>Events cannot say that none were missed: with a {@link Heartbeat}, the store reads the cache every interval, and
 * each read that answers confirms the mirror (as the JDBC store's polls do); a member that cannot reach the grid
 * (a JCache client whose servers are gone) stops confirming it, so after the staleness allowed its checks fail closed,
 * and when the grid answers again the cache is listed anew, for what was written meanwhile. A Payara Micro member that
 * loses the others goes on as a grid of its own, whose reads always answer.
 */
public final class JCacheRevocationStore implements RevocationStore, RevocationFeed {

    static final String CACHE_NAME = "freshjwt-revocations";

    /** The sinks of this class loader's followers, by the id their listener factory carries. */
    private static final Map<String, Sink> SINKS = new ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(JCacheRevocationStore.class.getName());
    private static final String HEARTBEAT = "hb:";

    private final Cache<String, String> cache;
    private final Clock clock;
    private final Heartbeat heartbeat;

    /**
     * How the store confirms that it still reaches the grid.
     *
     * @param background where the reads run; closed with the feed
     * @param interval how often the cache is read
     * @param maxStaleness how long the mirror is trusted beyond the reads it takes to notice that none answers
     */
    record Heartbeat(Background background, Duration interval, Duration maxStaleness) {
    }

    /** Without a heartbeat: the mirror, fed by events, always counts as current. */
    public JCacheRevocationStore(CacheManager manager, Duration retention, Clock clock) {
        this(manager, retention, clock, null);
    }

    JCacheRevocationStore(CacheManager manager, Duration retention, Clock clock, Heartbeat heartbeat) {
        this.cache = cacheOf(manager, retention);
        this.clock = clock;
        this.heartbeat = heartbeat;
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
    public boolean replace(String key, long expected, long value, Instant expiresAt) {
        String current = cache.get(key);
        if (current == null) {
            return false;
        }
        StoredEntry entry = StoredEntry.decode(current);
        return entry.isLive(now()) && entry.value() == expected
                && cache.replace(key, current, new StoredEntry(value, expiresAt.getEpochSecond()).encode());
    }

    @Override
    public AutoCloseable follow(Sink sink) {
        String id = UUID.randomUUID().toString();
        SINKS.put(id, sink);
        MutableCacheEntryListenerConfiguration<String, String> listening = new MutableCacheEntryListenerConfiguration<>(
                new ForwarderFactory(id), null, false, false);
        long start = clock.millis();
        try {
            cache.registerCacheEntryListener(listening); // first listen, then list: nothing written between is missed
            list(sink);
        } catch (RuntimeException e) {
            SINKS.remove(id);
            closeHeartbeat();
            throw e;
        }
        AutoCloseable beating = heartbeat == null ? () -> { } : startHeartbeat(sink, start);
        return () -> {
            SINKS.remove(id);
            beating.close();
            closeHeartbeat();
            cache.deregisterCacheEntryListener(listening);
        };
    }

    private void list(Sink sink) {
        for (Cache.Entry<String, String> entry : cache) {
            forward(sink, entry.getKey(), entry.getValue());
        }
    }

    private AutoCloseable startHeartbeat(Sink sink, long listedAt) {
        long trustMillis = RevocationMirror.trust(heartbeat.interval(), heartbeat.maxStaleness()).toMillis();
        sink.confirmed(listedAt, listedAt + trustMillis);
        boolean[] failing = {false};
        return heartbeat.background().repeat(() -> {
            long start = clock.millis();
            try {
                cache.get(HEARTBEAT);
                if (failing[0]) {
                    list(sink); // events may have been lost while the grid was out of reach
                    failing[0] = false;
                    LOG.info("freshjwt reaches the revocation cache again, and has read it anew");
                }
            } catch (RuntimeException e) {
                if (!failing[0]) {
                    failing[0] = true;
                    LOG.warning("freshjwt cannot read the revocation cache " + CACHE_NAME + ": " + e.getMessage()
                            + ". Tokens are checked against what it last saw, for " + FreshJwtConfig.REVOCATION_MAX_STALENESS
                            + ", then refused (503) until it can read the cache again");
                }
                return;
            }
            sink.confirmed(start, start + trustMillis);
        }, heartbeat.interval());
    }

    private void closeHeartbeat() {
        if (heartbeat != null) {
            heartbeat.background().close();
        }
    }

    private static void forward(Sink sink, String key, String value) {
        if (key != null && value != null && RevocationMirror.mirrors(key)) {
            StoredEntry entry = StoredEntry.decode(value);
            sink.accept(key, entry.value(), entry.expiresAt());
        }
    }

    /** Creates the listener; serializable, since JCache hands listener configurations to every cluster member. */
    private static final class ForwarderFactory implements Factory<CacheEntryListener<? super String, ? super String>> {

        private static final long serialVersionUID = 1L;
        private final String id;

        ForwarderFactory(String id) {
            this.id = id;
        }

        @Override
        public CacheEntryListener<? super String, ? super String> create() {
            return new Forwarder(id);
        }
    }

    /** Hands created and updated entries to the sink registered under its id, if this class loader has it. */
    private static final class Forwarder implements CacheEntryCreatedListener<String, String>,
            CacheEntryUpdatedListener<String, String>, Serializable {

        private static final long serialVersionUID = 1L;
        private final String id;

        Forwarder(String id) {
            this.id = id;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            forwardAll(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            forwardAll(events);
        }

        private void forwardAll(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            Sink sink = SINKS.get(id);
            if (sink != null) {
                events.forEach(event -> forward(sink, event.getKey(), event.getValue()));
            }
        }
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
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.SECONDS, retention.toSeconds())));
        try {
            return manager.createCache(CACHE_NAME, configuration);
        } catch (CacheException createdElsewhere) {
            // another member of the cluster created it first: its settings hold cluster-wide
            return manager.getCache(CACHE_NAME, String.class, String.class);
        }
    }
}
