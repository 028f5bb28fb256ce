package dev.freshjwt.internal.revocation;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.unit.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.Test;

/**
 * The JCache store's mirror is fed by events, which cannot tell that some were lost: its heartbeat confirms it while
 * the grid answers; a member that cannot reach the grid fails closed after the staleness allowed, and lists the cache
 * anew when it answers again. The grid is a map behind a JCache proxy that can be made unreachable.
 */
class JCacheHeartbeatTest {

    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration MAX_STALENESS = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(START);
    private final Map<String, String> grid = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;

    @Test
    void aMemberThatCannotReachTheGridFailsClosedAfterTheStalenessAllowedAndReadsTheCacheAnewWhenItCan() {
        ManualBackground background = new ManualBackground();
        JCacheRevocationStore store = new JCacheRevocationStore(manager(), Duration.ofDays(1), clock,
                new JCacheRevocationStore.Heartbeat(background, INTERVAL, MAX_STALENESS));
        Revocations revocations = new Revocations(store, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        revocations.revokeToken("before", START.plus(Duration.ofHours(1)), null);
        assertEquals(1, background.periodicTasks(), "a heartbeat");

        reachable = false;
        clock.advance(INTERVAL);
        background.runPeriodicTasks();
        clock.advance(RevocationMirror.trust(INTERVAL, MAX_STALENESS).minus(INTERVAL));
        assertEquals(NOT_REVOKED, revocations.check("t", null, null, 0), "what it last saw, within the staleness allowed");
        assertEquals(REVOKED, revocations.check("before", null, null, 0));
        clock.advance(Duration.ofMillis(1));
        assertEquals(UNKNOWN, revocations.check("t", null, null, 0));
        assertEquals(UNKNOWN, revocations.check("before", null, null, 0));

        // written by another member meanwhile; its event never came
        grid.put(Revocations.TOKEN + "meanwhile", new StoredEntry(1, START.plus(Duration.ofHours(1)).getEpochSecond()).encode());
        reachable = true;
        background.runPeriodicTasks();
        assertEquals(NOT_REVOKED, revocations.check("t", null, null, 0));
        assertEquals(REVOKED, revocations.check("meanwhile", null, null, 0), "listed anew once the grid answered");
        assertTrue(revocations.health().available());

        revocations.close();
        assertEquals(0, background.periodicTasks());
        assertTrue(background.isClosed());
    }

    @Test
    void withoutAHeartbeatTheMirrorIsAlwaysCurrent() {
        JCacheRevocationStore store = new JCacheRevocationStore(manager(), Duration.ofDays(1), clock);
        Revocations revocations = new Revocations(store, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        reachable = false;
        clock.advance(Duration.ofDays(1));
        assertEquals(NOT_REVOKED, revocations.check("t", null, null, 0));
    }

    private CacheManager manager() {
        @SuppressWarnings("unchecked")
        Cache<String, String> cache = (Cache<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, arguments) -> {
                    if (!reachable) {
                        throw new javax.cache.CacheException("no member of the grid answers");
                    }
                    return switch (method.getName()) {
                        case "get" -> grid.get((String) arguments[0]);
                        case "put" -> grid.put((String) arguments[0], (String) arguments[1]);
                        case "putIfAbsent" -> grid.putIfAbsent((String) arguments[0], (String) arguments[1]) == null;
                        case "replace" -> grid.replace((String) arguments[0], (String) arguments[1], (String) arguments[2]);
                        case "iterator" -> entries();
                        case "registerCacheEntryListener", "deregisterCacheEntryListener" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        return (CacheManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CacheManager.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getCache")) {
                        return cache;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Iterator<Cache.Entry<String, String>> entries() {
        return grid.entrySet().stream().<Cache.Entry<String, String>>map(entry -> new Cache.Entry<>() {
            @Override
            public String getKey() {
                return entry.getKey();
            }

            @Override
            public String getValue() {
                return entry.getValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        }).iterator();
    }
}
