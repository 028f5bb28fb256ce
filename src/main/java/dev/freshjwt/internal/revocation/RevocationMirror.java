package dev.freshjwt.internal.revocation;

import dev.freshjwt.RevocationUnavailableException;
import java.time.Clock;
import java.util.List;
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
 * <p>Fails closed: a feed that stops confirming it is current (a database that cannot be read) makes every lookup
 * throw, and the token is refused, rather than trusted on an old copy.
 */
final class RevocationMirror implements RevocationFeed.Sink {

    private static final int SWEEP_EVERY = 1024;

    private final ConcurrentMap<String, StoredEntry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writesSinceSweep = new AtomicInteger();
    private final Clock clock;
    private volatile long currentUntilMillis = Long.MAX_VALUE;

    RevocationMirror(Clock clock) {
        this.clock = clock;
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
        long now = clock.instant().getEpochSecond();
        if (expiresAt <= now) {
            return;
        }
        // the entry that lasts longer wins: an event of an older write may arrive after this instance's own newer one
        entries.merge(key, new StoredEntry(value, expiresAt), (old, fresh) -> fresh.expiresAt() >= old.expiresAt() ? fresh : old);
        if (writesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            writesSinceSweep.set(0);
            entries.values().removeIf(entry -> !entry.isLive(now));
        }
    }

    /**
     * Until when (epoch milliseconds) the copy counts as current; a polling feed moves this forward after each
     * successful poll. Event-driven feeds leave it unbounded.
     */
    @Override
    public void currentUntil(long epochMillis) {
        currentUntilMillis = epochMillis;
    }

    /**
     * @return the live value under {@code key}
     * @throws RevocationUnavailableException when the copy is no longer known to be current
     */
    OptionalLong get(String key) {
        if (clock.millis() > currentUntilMillis) {
            throw new RevocationUnavailableException("Revocations cannot be checked: the revocation store has not been"
                    + " read for too long", null);
        }
        StoredEntry entry = entries.get(key);
        return entry != null && entry.isLive(clock.instant().getEpochSecond())
                ? OptionalLong.of(entry.value())
                : OptionalLong.empty();
    }

    /** How many entries are held, live or not yet swept. */
    int size() {
        return entries.size();
    }
}
