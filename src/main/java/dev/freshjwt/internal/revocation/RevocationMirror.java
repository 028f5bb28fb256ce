package dev.freshjwt.internal.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's copy of the live revocations of a shared store, so that checking a token costs a map lookup,
 * not a trip to the data grid or the database. Fed by the store's {@link RevocationFeed} and by this instance's own
 * writes (seen at once). Holds only revocations, never rotation generations or per-subject counts; expired entries are swept as new ones
 * arrive. Thread-safe.
 *
 * <p>A polling feed confirms the copy after each successful read, and says until when it may be trusted without another
 * ({@link #confirmed}); past that it is no longer {@linkplain #isCurrent() current}, and {@link Revocations} refuses
 * every token rather than trust an old copy (fail closed). Event-driven feeds never confirm: their copy is always current.
 */
final class RevocationMirror implements RevocationFeed.Sink {

    private static final int SWEEP_EVERY = 1024;
    private static final Duration MIN_SLACK = Duration.ofSeconds(5);
    private static final int STALE_AFTER_POLLS = 10;

    private final ConcurrentMap<String, StoredEntry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();
    private volatile int keptBySweep;
    private final Clock clock;
    private volatile long confirmedAtMillis = -1;
    private volatile long trustedUntilMillis = Long.MAX_VALUE;

    RevocationMirror(Clock clock) {
        this.clock = clock;
    }

    /** How long an outage goes unnoticed at most: ten polls, and at least five seconds (a slow read is no outage). */
    static Duration slack(Duration pollInterval) {
        Duration polls = pollInterval.multipliedBy(STALE_AFTER_POLLS);
        return polls.compareTo(MIN_SLACK) > 0 ? polls : MIN_SLACK;
    }

    /** How long after its read a copy is trusted: the slack, then the staleness the operator accepts. */
    static Duration trust(Duration pollInterval, Duration maxStaleness) {
        return slack(pollInterval).plus(maxStaleness);
    }

    /** The key prefixes of revocations: the entries a mirror holds. */
    static final List<String> PREFIXES = List.of(Revocations.TOKEN, Revocations.SESSION, Revocations.SUBJECT);

    /** Whether entries under {@code key} are revocations (and so belong in a mirror). */
    static boolean mirrors(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void accept(String key, long value, long expiresAt) {
        if (!mirrors(key)) {
            return;
        }
        long now = clock.millis() / 1000;
        if (expiresAt <= now) {
            return;
        }
        // the entry that lasts longer wins: an event of an older write may arrive after this instance's own newer one
        entries.merge(key, new StoredEntry(value, expiresAt), (old, fresh) -> fresh.expiresAt() >= old.expiresAt() ? fresh : old);
        // a sweep walks every entry: it comes after as many writes as the last one kept (and at least SWEEP_EVERY), so
        // that each write pays O(1) for it and loading n rows at start-up costs O(n), not O(n²); the map holds at most
        // twice the live entries, plus the expired ones of the last SWEEP_EVERY writes
        if (writesSinceSweep.incrementAndGet() >= Math.max(SWEEP_EVERY, keptBySweep)) {
            writesSinceSweep.set(0);
            entries.values().removeIf(entry -> !entry.isLive(now));
            keptBySweep = entries.size();
        }
    }

    @Override
    public void confirmed(long readStartMillis, long trustedUntilMillis) {
        this.trustedUntilMillis = trustedUntilMillis;
        this.confirmedAtMillis = readStartMillis;
    }

    /** Whether the copy may be trusted now: never confirmed by an event-driven feed, or confirmed recently enough. */
    boolean isCurrent() {
        return clock.millis() <= trustedUntilMillis;
    }

    /** When the copy was last confirmed: the start of the last successful read; empty for an event-driven feed. */
    Optional<Instant> confirmedAt() {
        long at = confirmedAtMillis;
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** Until when the copy is trusted without another confirmation; empty for an event-driven feed. */
    Optional<Instant> trustedUntil() {
        long until = trustedUntilMillis;
        return until == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
    }

    /** The live value under {@code key}, current or not ({@link Revocations} asks {@link #isCurrent()} first). */
    OptionalLong get(String key) {
        StoredEntry entry = entries.get(key);
        return entry != null && entry.isLive(clock.instant().getEpochSecond())
                ? OptionalLong.of(entry.value())
                : OptionalLong.empty();
    }

    /** How many entries are live now. */
    long liveEntries() {
        long now = clock.instant().getEpochSecond();
        return entries.values().stream().filter(entry -> entry.isLive(now)).count();
    }

    /** How many entries are held, live or not yet swept. */
    int size() {
        return entries.size();
    }
}
