package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtConfig;
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
 * <p>After each successful read the sink is trusted until the read's start plus {@link RevocationMirror#trust}: the time it takes to
 * tell an outage from a slow poll ({@link RevocationMirror#slack}, ten polls and at least five seconds) and the staleness the operator
 * accepts ({@code freshjwt.revocation.max-staleness}). A database that cannot be read for longer makes the mirror
 * refuse every check, so tokens are refused rather than trusted on an old copy (fail closed). One warning when reading
 * starts failing, one line when it works again.
 */
final class JdbcPoller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JdbcPoller.class.getName());

    /** How far back every read reaches beyond the previous one's start. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    /** How often expired rows are deleted. */
    static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final JdbcRevocationStore store;
    private final RevocationFeed.Sink sink;
    private final Clock clock;
    private final Duration interval;
    private final long trustMillis;
    private final Background background;
    private volatile List<AutoCloseable> schedules = List.of();
    /** Epoch millisecond at which the last successful read began. Written by one thread at a time. */
    private volatile long lastReadStart;
    private volatile boolean failing;

    /**
     * @param maxStaleness how much longer than {@link RevocationMirror#slack} the last copy is trusted while the database cannot be read
     */
    JdbcPoller(JdbcRevocationStore store, RevocationFeed.Sink sink, Clock clock, Duration interval, Duration maxStaleness,
            Background background) {
        this.store = store;
        this.sink = sink;
        this.clock = clock;
        this.interval = interval;
        this.trustMillis = RevocationMirror.trust(interval, maxStaleness).toMillis();
        this.background = background;
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
                LOG.warning("freshjwt cannot read the revocation database: " + e.getMessage() + ". Tokens are still"
                        + " checked against the revocations read at " + Instant.ofEpochMilli(lastReadStart) + ", until "
                        + Instant.ofEpochMilli(lastReadStart + trustMillis) + " (" + FreshJwtConfig.REVOCATION_MAX_STALENESS
                        + "); from then on refused (503) until it can be read again");
                LOG.log(Level.FINE, "freshjwt: the failed read of the revocation database", e);
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("freshjwt reads the revocation database again; the last read before began at "
                    + Instant.ofEpochMilli(lastReadStart));
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
        sink.confirmed(readStart, readStart + trustMillis);
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
