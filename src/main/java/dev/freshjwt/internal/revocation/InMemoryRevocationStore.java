package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.FreshJwtException;
import dev.freshjwt.RevocationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default store of a single instance: a concurrent map whose expired entries are swept out as new ones
 * arrive, holding at most {@code maxEntries} live entries. When that many revocations are live at once it
 * refuses more (a loud server error) rather than forget one. Thread-safe.
 */
public final class InMemoryRevocationStore implements RevocationStore {

    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentMap<String, StoredEntry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();
    private final Clock clock;
    private final int maxEntries;

    public InMemoryRevocationStore(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
        makeRoom();
        entries.put(key, new StoredEntry(value, expiresAt.getEpochSecond()));
    }

    @Override
    public OptionalLong putIfAbsent(String key, long value, Instant expiresAt) {
        makeRoom();
        long now = clock.instant().getEpochSecond();
        StoredEntry fresh = new StoredEntry(value, expiresAt.getEpochSecond());
        StoredEntry result = entries.merge(key, fresh, (old, candidate) -> old.isLive(now) ? old : candidate);
        return result == fresh ? OptionalLong.empty() : OptionalLong.of(result.value());
    }

    @Override
    public boolean replace(String key, long expected, long value, Instant expiresAt) {
        long now = clock.instant().getEpochSecond();
        StoredEntry fresh = new StoredEntry(value, expiresAt.getEpochSecond());
        StoredEntry result = entries.computeIfPresent(key,
                (k, old) -> old.isLive(now) && old.value() == expected ? fresh : old);
        return result == fresh;
    }

    @Override
    public OptionalLong get(String key) {
        StoredEntry entry = entries.get(key);
        if (entry == null) {
            return OptionalLong.empty();
        }
        if (!entry.isLive(clock.instant().getEpochSecond())) {
            entries.remove(key, entry);
            return OptionalLong.empty();
        }
        return OptionalLong.of(entry.value());
    }

    /** The entries held, live or not yet swept; a view. */
    java.util.Map<String, StoredEntry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** How many entries are held, live or not yet swept. */
    int size() {
        return entries.size();
    }

    private void makeRoom() {
        if (writesSinceSweep.incrementAndGet() < SWEEP_EVERY && entries.size() < maxEntries) {
            return;
        }
        writesSinceSweep.set(0);
        long now = clock.instant().getEpochSecond();
        entries.values().removeIf(entry -> !entry.isLive(now));
        if (entries.size() >= maxEntries) {
            throw new FreshJwtException("The in-memory revocation store holds " + maxEntries + " live entries: raise "
                    + FreshJwtConfig.REVOCATION_MAX_ENTRIES + " or provide a JCache CacheManager or your own RevocationStore");
        }
    }
}
