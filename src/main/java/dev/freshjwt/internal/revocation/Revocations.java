package dev.freshjwt.internal.revocation;

import dev.freshjwt.RevocationStore;
import dev.freshjwt.RevocationUnavailableException;
import dev.freshjwt.internal.metrics.ApplicationMetrics;
import dev.freshjwt.internal.metrics.Metrics.RevocationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What revocation means, over a {@link RevocationStore}: a revoked token id, a revoked session (every token of
 * one login, the "family" of refresh-token rotation), a subject whose tokens issued before an instant are
 * revoked, and the rotation generation of each session. Thread-safe when the store is.
 *
 * <p>Checking a token reads the store itself, or, for the built-in shared stores, this instance's
 * {@link RevocationMirror} of it, which this instance's own writes reach at once and other instances' writes through
 * the store's {@link RevocationFeed}.
 *
 * <p>Rotation keeps one entry per session, not one per used refresh token: the session's current generation and
 * when it was reached. A refresh token carries its generation ({@code gen}, 0 at login); presenting generation
 * {@code g} while the session is at {@code g} moves it to {@code g + 1} (compare-and-set, so exactly one of two
 * concurrent refreshes wins); presenting an older generation is reuse, unless it is the one just replaced and the
 * replacement is younger than the grace period.
 *
 * <p>No subject can fill the store for everyone: each subject may hold a number of token and session revocations
 * ({@code freshjwt.revocation.max-per-subject}, counted until the retention period has passed since the last one
 * counted); past that, each revocation revokes every token of that subject issued so far instead (one entry).
 */
public final class Revocations implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    static final String TOKEN = "jti:";
    static final String SESSION = "sid:";
    static final String SUBJECT = "sub:";
    static final String GENERATION = "gen:";
    static final String COUNT = "cnt:";
    static final String LOGOUT_TOKEN = "lgt:";
    private static final long REVOKED = 1;

    /** Generation and time share one stored {@code long}: 22 bits of generation, 41 bits of milliseconds. */
    private static final int TIME_BITS = 41;
    private static final long TIME_MASK = (1L << TIME_BITS) - 1;
    private static final long MAX_GENERATION = (1L << (63 - TIME_BITS)) - 1;
    /** 2025-01-01T00:00:00Z: the stored times count from here, which lasts until 2094. */
    private static final long TIME_ORIGIN_MILLIS = 1_735_689_600_000L;
    private static final int CONTENDED_ATTEMPTS = 8;

    /** What presenting a refresh token for rotation turned out to be. */
    public enum Use {
        /** Its generation is the session's current one: rotate. */
        FIRST,
        /** The generation just replaced, within the grace period of a concurrent refresh: rotate, revoke nothing. */
        WITHIN_GRACE,
        /** An older generation, or later than the grace period: treat as stolen. */
        REUSED
    }

    private final RevocationStore store;
    private final RevocationMirror mirror;
    private final AutoCloseable feed;
    private final Clock clock;
    private final long graceMillis;
    private final AtomicLong lastWriteFailureLogged = new AtomicLong();
    /** Whether the last check could not tell (for one log line when that starts and one when it ends). */
    private final AtomicBoolean unknown = new AtomicBoolean();
    private final Duration retention;
    private final Duration skew;
    private final long maxPerSubject;

    /**
     * Reads revocations from the store itself on every check, or, for a built-in shared store (a
     * {@link RevocationFeed}), from a local mirror of it, loaded now and kept current until {@link #close()}.
     *
     * @param store where entries are kept
     * @param clock the time
     * @param reuseGrace how long a replaced refresh token may be presented again without counting as stolen
     * @param retention the longest token lifetime plus skew: how long a session or subject revocation must last
     * @param skew the clock skew the container grants on {@code exp}
     * @throws RuntimeException when a shared store cannot be read
     */
    public Revocations(RevocationStore store, Clock clock, Duration reuseGrace, Duration retention, Duration skew) {
        this(store, clock, reuseGrace, retention, skew, RevocationSettings.DEFAULT_MAX_PER_SUBJECT);
    }

    /** As above, with at most {@code maxPerSubject} token and session revocations per subject. */
    Revocations(RevocationStore store, Clock clock, Duration reuseGrace, Duration retention, Duration skew,
            long maxPerSubject) {
        this.store = store;
        this.mirror = store instanceof RevocationFeed ? new RevocationMirror(clock) : null;
        this.feed = mirror != null ? ((RevocationFeed) store).follow(mirror) : null;
        this.clock = clock;
        this.graceMillis = reuseGrace.toMillis();
        this.retention = retention;
        this.skew = skew;
        this.maxPerSubject = maxPerSubject;
    }

    /** What the application uses: over {@code store}, with every setting applied. */
    static Revocations of(RevocationStore store, Clock clock, RevocationSettings settings) {
        return new Revocations(store, clock, settings.reuseGrace(), settings.retention(), settings.skew(),
                settings.maxPerSubject());
    }

    /** The store in use. */
    public RevocationStore store() {
        return store;
    }

    /** Whether token checks read a local mirror rather than the store. */
    public boolean isMirrored() {
        return mirror != null;
    }

    /** What is known of a token's revocation. */
    public enum Status {
        /** Not revoked, as far as the last confirmed copy of the store knows. */
        NOT_REVOKED,
        /** Revoked: its token id, its session or its subject's tokens up to its issue time. */
        REVOKED,
        /**
         * Cannot be known: the store cannot be read, or this instance's copy of it has gone unconfirmed for longer than
         * {@code freshjwt.revocation.max-staleness} allows. The token is refused (fail closed), as unavailable, not as
         * invalid: logging in again cannot help.
         */
        UNKNOWN
    }

    /**
     * @param tokenId the {@code jti}, or {@code null}
     * @param sessionId the {@code sid}, or {@code null}
     * @param subject the {@code sub}, or {@code null}
     * @param issuedAt the {@code iat} in epoch seconds ({@code 0} when absent)
     * @return whether the token is revoked, or {@link Status#UNKNOWN} when that cannot be checked; one log line when
     *     checks start failing, one when they work again
     */
    public Status check(String tokenId, String sessionId, String subject, long issuedAt) {
        if (mirror != null && !mirror.isCurrent()) {
            if (!unknown.getAndSet(true)) {
                LOG.severe("freshjwt: the revocations in " + store.getClass().getName() + " were last read at "
                        + mirror.confirmedAt().map(Instant::toString).orElse("start-up") + ", longer ago than "
                        + dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_STALENESS + " allows; every token is refused"
                        + " (503 revocation-unavailable) until the store can be read again");
            }
            return Status.UNKNOWN;
        }
        Status status;
        try {
            status = lookUp(tokenId, sessionId, subject, issuedAt) ? Status.REVOKED : Status.NOT_REVOKED;
        } catch (RuntimeException e) {
            if (!unknown.getAndSet(true)) {
                LOG.log(Level.SEVERE, "freshjwt cannot check revocations in " + store.getClass().getName()
                        + "; every token is refused (503 revocation-unavailable) until it can: " + e.getMessage(), e);
            }
            return Status.UNKNOWN;
        }
        if (unknown.get() && unknown.getAndSet(false)) {
            LOG.info("freshjwt checks revocations in " + store.getClass().getName() + " again");
        }
        return status;
    }

    /**
     * Whether tokens can be checked now: what a login asks before it mints tokens that would be refused at once. A store
     * read on every check is presumed available (its failures show at the check).
     */
    public boolean isAvailable() {
        return mirror == null || mirror.isCurrent();
    }

    /** What the health check reports. */
    public RevocationHealth health() {
        if (mirror != null) {
            return new RevocationHealth(store.getClass().getName(), mirror.isCurrent(), OptionalLong.of(mirror.liveEntries()),
                    mirror.confirmedAt(), mirror.trustedUntil());
        }
        OptionalLong entries = store instanceof InMemoryRevocationStore memory ? OptionalLong.of(memory.size())
                : OptionalLong.empty();
        return new RevocationHealth(store.getClass().getName(), true, entries, Optional.empty(), Optional.empty());
    }

    private boolean lookUp(String tokenId, String sessionId, String subject, long issuedAt) {
        if (tokenId != null && lookup(TOKEN + tokenId).isPresent()) {
            return true;
        }
        if (sessionId != null && lookup(SESSION + sessionId).isPresent()) {
            return true;
        }
        if (subject != null) {
            OptionalLong notBefore = lookup(SUBJECT + subject);
            return notBefore.isPresent() && issuedAt < notBefore.getAsLong();
        }
        return false;
    }

    private OptionalLong lookup(String key) {
        return mirror != null ? mirror.get(key) : store.get(key);
    }

    /**
     * Revokes one token until it expires (plus skew).
     *
     * @param subject the token's subject, whose revocations are counted; {@code null} counts against nobody
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeToken(String tokenId, Instant expiresAt, String subject) {
        if (withinQuota(subject)) {
            revoke("The token was not revoked", RevocationKind.TOKEN, TOKEN + tokenId, REVOKED, expiresAt.plus(skew));
        }
    }

    /**
     * Revokes every token of a session (one login and all its refreshes), until the last of them has expired.
     *
     * @param subject the session's subject, whose revocations are counted; {@code null} counts against nobody
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeSession(String sessionId, String subject) {
        if (withinQuota(subject)) {
            revoke("The session was not revoked", RevocationKind.SESSION, SESSION + sessionId, REVOKED,
                    clock.instant().plus(retention));
        }
    }

    /**
     * Revokes every token of {@code subject} issued before now (in an earlier second).
     *
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeSubject(String subject) {
        Instant now = clock.instant();
        revoke("The tokens were not revoked", RevocationKind.SUBJECT, SUBJECT + subject, now.getEpochSecond(),
                now.plus(retention));
    }

    /**
     * Counts one more revocation for {@code subject}. Past the quota, revokes all of the subject's tokens instead,
     * which covers the one asked for, and keeps doing so until the count expires: by then every revocation it counted
     * has expired too, so one subject never holds more than its quota and two entries.
     *
     * @return whether the caller should record its revocation
     */
    private boolean withinQuota(String subject) {
        if (subject == null) {
            return true;
        }
        String key = COUNT + subject;
        Instant now = clock.instant();
        Instant keepUntil = now.plus(retention);
        boolean[] within = {true};
        boolean[] crossed = {false};
        write("Nothing was revoked", () -> {
            for (int attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt++) {
                OptionalLong count = store.get(key);
                if (count.isEmpty()) {
                    if (store.putIfAbsent(key, 1, keepUntil).isEmpty()) {
                        return;
                    }
                } else if (count.getAsLong() >= maxPerSubject) {
                    within[0] = false;
                    // marked once, so the operator hears of it once
                    crossed[0] = count.getAsLong() == maxPerSubject
                            && store.replace(key, maxPerSubject, maxPerSubject + 1, keepUntil);
                    return;
                } else if (store.replace(key, count.getAsLong(), count.getAsLong() + 1, keepUntil)) {
                    return;
                }
            }
            // contended by concurrent revocations of the same subject: record this one without counting it
        });
        if (!within[0]) {
            if (crossed[0]) {
                LOG.warning("freshjwt: subject " + subject + " has had " + maxPerSubject + " tokens or sessions revoked"
                        + " within " + retention + "; from now on each of its logouts revokes every token it holds ("
                        + dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_PER_SUBJECT + ")");
            }
            // tokens of the current second too: the one being revoked may have been issued in it
            revoke("The tokens were not revoked", RevocationKind.SUBJECT, SUBJECT + subject, now.getEpochSecond() + 1,
                    keepUntil);
        }
        return within[0];
    }

    private void revoke(String notDone, RevocationKind kind, String key, long value, Instant expiresAt) {
        write(notDone, () -> putRevocation(key, value, expiresAt));
        ApplicationMetrics.current().revoked(kind);
    }

    private void putRevocation(String key, long value, Instant expiresAt) {
        store.put(key, value, expiresAt);
        if (mirror != null) {
            mirror.accept(key, value, expiresAt.getEpochSecond()); // seen here at once, whatever the feed's delay
        }
    }

    /**
     * Whether a back-channel logout token has been presented before (on any instance sharing the store). Reads the store
     * itself, not the mirror: a provider may deliver one logout to several instances at once.
     *
     * @throws RevocationUnavailableException (503) when the store cannot be read
     */
    public boolean logoutTokenSeen(String tokenId) {
        boolean[] seen = new boolean[1];
        write("Nothing was revoked", () -> seen[0] = store.get(LOGOUT_TOKEN + tokenId).isPresent());
        return seen[0];
    }

    /**
     * Remembers a back-channel logout token until {@code until}, so that it cannot be replayed.
     *
     * @return whether it was new: {@code false} when another request presented it first
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public boolean rememberLogoutToken(String tokenId, Instant until) {
        boolean[] first = new boolean[1];
        write("The logout token was not recorded", () -> first[0] = store.putIfAbsent(LOGOUT_TOKEN + tokenId, REVOKED,
                until).isEmpty());
        return first[0];
    }

    /**
     * Moves a session from the presented refresh token's generation to the next, atomically across the cluster.
     *
     * @param sessionId the refresh token's {@code sid}
     * @param generation the refresh token's {@code gen} (0 when absent: the login's refresh token)
     * @param expiresAt when the next refresh token expires: how long the session's generation must be kept
     * @throws RevocationUnavailableException (503) when the store cannot record it: no new tokens then
     */
    public Use rotate(String sessionId, long generation, Instant expiresAt) {
        if (generation < 0 || generation >= MAX_GENERATION) {
            return Use.REUSED; // not a generation we issued
        }
        String key = GENERATION + sessionId;
        Instant keepUntil = expiresAt.plus(skew);
        Use[] use = new Use[1];
        write("The refresh token could not be used, so no new tokens were issued", () -> {
            for (int attempt = 0; attempt < CONTENDED_ATTEMPTS && use[0] == null; attempt++) {
                use[0] = tryRotate(key, generation, keepUntil);
            }
            if (use[0] == null) {
                throw new IllegalStateException("the session's generation kept changing during " + CONTENDED_ATTEMPTS
                        + " attempts to rotate it");
            }
        });
        return use[0];
    }

    /** One compare-and-set attempt; {@code null} when another instance changed the entry in between. */
    private Use tryRotate(String key, long generation, Instant keepUntil) {
        long now = clock.millis();
        long next = pack(generation + 1, now);
        OptionalLong stored = store.get(key);
        if (stored.isEmpty()) {
            // no rotation yet (or this instance's memory was lost in a restart): the presented token is the current one
            return store.putIfAbsent(key, next, keepUntil).isEmpty() ? Use.FIRST : null;
        }
        long current = stored.getAsLong();
        long currentGeneration = current >>> TIME_BITS;
        if (currentGeneration == generation) {
            return store.replace(key, current, next, keepUntil) ? Use.FIRST : null;
        }
        long replacedAt = (current & TIME_MASK) + TIME_ORIGIN_MILLIS;
        return currentGeneration == generation + 1 && now - replacedAt < graceMillis ? Use.WITHIN_GRACE : Use.REUSED;
    }

    private static long pack(long generation, long epochMillis) {
        return generation << TIME_BITS | ((epochMillis - TIME_ORIGIN_MILLIS) & TIME_MASK);
    }

    /** Stops following the shared store. */
    @Override
    public void close() {
        if (feed != null) {
            try {
                feed.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "freshjwt: closing the revocation feed failed", e);
            }
        }
    }

    /**
     * A write the client must hear about when it fails: a 503 saying what did not happen, never a 500; and one loud
     * log line for the operator (at most one a minute, so a flood of failures does not flood the log).
     */
    private void write(String notDone, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            loudly(lastWriteFailureLogged, "freshjwt cannot record revocations in " + store.getClass().getName()
                    + "; clients are told so (503) and nothing is revoked: " + e.getMessage(), e);
            throw new RevocationUnavailableException(notDone + ": the revocation store is unavailable; try again later", e);
        }
    }

    /** One SEVERE line a minute at most per kind of failure, so that an outage does not flood the log. */
    private static void loudly(AtomicLong lastLogged, String message, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.SEVERE, message, e);
        }
    }
}
