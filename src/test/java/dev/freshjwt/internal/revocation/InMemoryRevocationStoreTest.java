package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.unit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryRevocationStoreTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @Test
    void entriesLiveUntilTheyExpire() {
        InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);
        store.put("a", 7, START.plusSeconds(60));
        assertEquals(OptionalLong.of(7), store.get("a"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(OptionalLong.of(7), store.get("a"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OptionalLong.empty(), store.get("a"));
        assertEquals(0, store.size(), "an expired entry is dropped when read");
    }

    @Test
    void putIfAbsentStoresOnceAndReportsTheFirstValue() {
        InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);
        assertEquals(OptionalLong.empty(), store.putIfAbsent("k", 1, START.plusSeconds(60)));
        assertEquals(OptionalLong.of(1), store.putIfAbsent("k", 2, START.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(OptionalLong.empty(), store.putIfAbsent("k", 3, START.plusSeconds(120)), "an expired entry counts as absent");
        assertEquals(OptionalLong.of(3), store.get("k"));
    }

    @Test
    void replaceIsACompareAndSetOnLiveEntries() {
        InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 10);
        assertFalse(store.replace("g", 0, 1, START.plusSeconds(60)), "nothing to replace");
        store.put("g", 1, START.plusSeconds(60));
        assertFalse(store.replace("g", 0, 2, START.plusSeconds(60)), "another value");
        assertTrue(store.replace("g", 1, 2, START.plusSeconds(120)));
        assertEquals(OptionalLong.of(2), store.get("g"));
        clock.advance(Duration.ofSeconds(90));
        assertEquals(OptionalLong.of(2), store.get("g"), "with the new expiry");
        clock.advance(Duration.ofSeconds(30));
        store.put("h", 3, START);
        assertFalse(store.replace("h", 3, 4, START.plusSeconds(600)), "an expired entry is not replaced");
    }

    @Test
    void expiredEntriesAreSweptToMakeRoomAndLiveOnesAreNeverDropped() {
        InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 3);
        store.put("a", 1, START.plusSeconds(10));
        store.put("b", 1, START.plusSeconds(10));
        store.put("c", 1, START.plusSeconds(100));
        clock.advance(Duration.ofSeconds(10));
        store.put("d", 1, START.plusSeconds(100));
        assertEquals(2, store.size());
        store.put("e", 1, START.plusSeconds(100));
        FreshJwtException full = assertThrows(FreshJwtException.class, () -> store.put("f", 1, START.plusSeconds(100)));
        assertTrue(full.getMessage().contains("freshjwt.revocation.max-entries"), full.getMessage());
        assertEquals(OptionalLong.of(1), store.get("c"));
    }

    @Test
    void concurrentFirstUsesHaveExactlyOneWinner() throws Exception {
        InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 100_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                String key = "used:" + round;
                AtomicInteger winners = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        if (store.putIfAbsent(key, 1, START.plusSeconds(60)).isEmpty()) {
                            winners.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(10, TimeUnit.SECONDS);
                }
                assertEquals(1, winners.get(), key);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
