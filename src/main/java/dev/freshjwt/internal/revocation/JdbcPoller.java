package dev.freshjwt.internal.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a {@link RevocationFeed.Sink} (the mirror) current from the JDBC store: loads every live revocation, then
 * every poll interval reads the rows written since the previous read began, less {@link #OVERLAP} (other instances'
 * clocks may lag behind this one, and a write may commit a little after its time was taken: reading a row twice is
 * harmless, missing one is not). Once a minute it deletes the expired rows.
 *
 * <p>After each successful read the sink counts as current until the read's start plus the staleness limit
 * ({@link #staleness}): a database that cannot be read for longer makes the mirror refuse every check, so tokens
 * are refused rather than trusted on an old copy (fail closed). One warning when reading starts failing, one line when
 * it works again.
 */
final class JdbcPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JdbcPoller.class.getName());

    /** How far back every read reaches beyond the previous one's start. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** How often expired rows are deleted. */
    static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    private static final Duration MIN_STALENESS = Duration.ofSeconds(5);
    private static final int STALE_AFTER_POLLS = 10;

    private final JdbcRevocationStore store;
    private final RevocationFeed.Sink sink;
    private final Clock clock;
    private final Duration interval;
    private final long stalenessMillis;
    private final Background background;
    private volatile List<AutoCloseable> schedules = List.of();
    /** Epoch millisecond at which the last successful read began. Written by one thread at a time. */
    private volatile long lastReadStart;
    private volatile boolean failing;

    JdbcPoller(JdbcRevocationStore store, RevocationFeed.Sink sink, Clock clock, Duration interval, Background background) {
        this.store = store;
        this.sink = sink;
        this.clock = clock;
        this.interval = interval;
        this.stalenessMillis = staleness(interval).toMillis();
        this.background = background;
    }

    /** How long a mirror may go unconfirmed before checks fail: ten polls, and at least five seconds. */
    static Duration staleness(Duration pollInterval) {
        Duration polls = pollInterval.multipliedBy(STALE_AFTER_POLLS);
        return polls.compareTo(MIN_STALENESS) > 0 ? polls : MIN_STALENESS;
    }

    /**
     * Hands every live revocation to the sink.
     *
     * @throws dev.freshjwt.FreshJwtException when the database cannot be read
     */
    void load() {
        long start = clock.millis();
        store.readLive(sink);
        confirm(start);
    }

    /** Starts polling and cleaning up on the background. */
    void start() {
        schedules = List.of(background.repeat(this::poll, interval), background.repeat(this::deleteExpired, CLEANUP_EVERY));
    }

    /** One poll: the rows written since the previous read, less the overlap. Never throws. */
    void poll() {
        long start = clock.millis();
        try {
            store.readWrittenSince(lastReadStart - OVERLAP.toMillis(), sink);
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "freshjwt cannot read the revocation database: tokens are refused from "
                        + Instant.ofEpochMilli(lastReadStart + stalenessMillis) + " if it cannot be read again by then", e);
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("freshjwt reads the revocation database again");
        }
        confirm(start);
    }

    /** Deletes the expired rows. Never throws. */
    void deleteExpired() {
        try {
            int deleted = store.deleteExpired();
            LOG.fine(() -> "freshjwt deleted " + deleted + " expired revocation entries");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "freshjwt could not delete expired revocation entries; the next attempt will", e);
        }
    }

    private void confirm(long readStart) {
        lastReadStart = readStart;
        sink.currentUntil(readStart + stalenessMillis);
    }

    /** Stops polling and the background. */
    @Override
    public void close() {
        for (AutoCloseable schedule : schedules) {
            try {
                schedule.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "freshjwt: stopping a revocation poll failed", e);
            }
        }
        background.close();
    }
}
