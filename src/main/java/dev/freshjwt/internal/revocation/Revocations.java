package dev.freshjwt.internal.revocation;

import dev.freshjwt.RevocationStore;
import dev.freshjwt.RevocationUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What revocation means, over a {@link RevocationStore}: a revoked token id, a revoked session (every token of
 * one login, the "family" of refresh-token rotation), a subject whose tokens issued before an instant are
 * revoked, and refresh tokens already used. Thread-safe when the store is.
 */
public final class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    private static final String TOKEN = "jti:";
    private static final String SESSION = "sid:";
    private static final String SUBJECT = "sub:";
    private static final String USED = "used:";
    private static final long REVOKED = 1;

    /** What presenting a refresh token for rotation turned out to be. */
    public enum Use {
        /** The first time: rotate. */
        FIRST,
        /** Again, but within the grace period of a concurrent refresh: rotate, revoke nothing. */
        WITHIN_GRACE,
        /** Again, later: treat as stolen. */
        REUSED
    }

    private final RevocationStore store;
    private final Clock clock;
    private final long graceMillis;
    private final AtomicLong lastFailureLogged = new AtomicLong();
    private final Duration retention;
    private final Duration skew;

    /**
     * @param store where entries are kept
     * @param clock the time
     * @param reuseGrace how long a used refresh token may be presented again without counting as stolen
     * @param retention the longest token lifetime plus skew: how long a session or subject revocation must last
     * @param skew the clock skew the container grants on {@code exp}
     */
    public Revocations(RevocationStore store, Clock clock, Duration reuseGrace, Duration retention, Duration skew) {
        this.store = store;
        this.clock = clock;
        this.graceMillis = reuseGrace.toMillis();
        this.retention = retention;
        this.skew = skew;
    }

    /** The store in use. */
    public RevocationStore store() {
        return store;
    }

    /**
     * @param tokenId the {@code jti}, or {@code null}
     * @param sessionId the {@code sid}, or {@code null}
     * @param subject the {@code sub}, or {@code null}
     * @param issuedAt the {@code iat} in epoch seconds ({@code 0} when absent)
     */
    public boolean isRevoked(String tokenId, String sessionId, String subject, long issuedAt) {
        if (tokenId != null && store.get(TOKEN + tokenId).isPresent()) {
            return true;
        }
        if (sessionId != null && store.get(SESSION + sessionId).isPresent()) {
            return true;
        }
        if (subject != null) {
            OptionalLong notBefore = store.get(SUBJECT + subject);
            return notBefore.isPresent() && issuedAt < notBefore.getAsLong();
        }
        return false;
    }

    /**
     * Revokes one token until it expires (plus skew).
     *
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeToken(String tokenId, Instant expiresAt) {
        write("The token was not revoked", () -> store.put(TOKEN + tokenId, REVOKED, expiresAt.plus(skew)));
    }

    /**
     * Revokes every token of a session (one login and all its refreshes), until the last of them has expired.
     *
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeSession(String sessionId) {
        write("The session was not revoked", () -> store.put(SESSION + sessionId, REVOKED, clock.instant().plus(retention)));
    }

    /**
     * Revokes every token of {@code subject} issued before now (in an earlier second).
     *
     * @throws RevocationUnavailableException (503) when the store cannot record it
     */
    public void revokeSubject(String subject) {
        Instant now = clock.instant();
        write("The tokens were not revoked", () -> store.put(SUBJECT + subject, now.getEpochSecond(), now.plus(retention)));
    }

    /**
     * Records that a refresh token is being used, atomically across the cluster.
     *
     * @throws RevocationUnavailableException (503) when the store cannot record it: no new tokens then
     */
    public Use markRefreshUsed(String tokenId, Instant expiresAt) {
        long now = clock.millis();
        OptionalLong[] result = new OptionalLong[1];
        write("The refresh token could not be marked used, so no new tokens were issued",
                () -> result[0] = store.putIfAbsent(USED + tokenId, now, expiresAt.plus(skew)));
        OptionalLong firstUse = result[0];
        if (firstUse.isEmpty()) {
            return Use.FIRST;
        }
        return now - firstUse.getAsLong() < graceMillis ? Use.WITHIN_GRACE : Use.REUSED;
    }

    /**
     * A write the client must hear about when it fails: a 503 saying what did not happen, never a 500; and one loud
     * log line for the operator (at most one a minute, so a flood of failures does not flood the log).
     */
    private void write(String notDone, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastFailureLogged.get();
            if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && lastFailureLogged.compareAndSet(last, now)) {
                LOG.log(Level.SEVERE, "freshjwt cannot record revocations in " + store.getClass().getName()
                        + "; clients are told so (503) and nothing is revoked: " + e.getMessage(), e);
            }
            throw new RevocationUnavailableException(notDone + ": the revocation store is unavailable; try again later", e);
        }
    }
}
