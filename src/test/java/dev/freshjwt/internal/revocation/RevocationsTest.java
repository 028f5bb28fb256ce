package dev.freshjwt.internal.revocation;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.RevocationUnavailableException;
import dev.freshjwt.internal.revocation.Revocations.Use;
import dev.freshjwt.unit.MutableClock;
import dev.freshjwt.unit.RecordingMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevocationsTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 1000);
    private final Revocations revocations = new Revocations(store, clock, Duration.ofSeconds(5), Duration.ofDays(30),
            Duration.ofSeconds(60));

    @RegisterExtension
    final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void eachRecordedRevocationIsCountedByWhatItCoversAndARotationIsNot() {
        revocations.revokeToken("t", START.plusSeconds(900), "alice");
        revocations.revokeSession("s1", "alice");
        revocations.revokeSubject("alice");
        revocations.rotate("s2", 0, START.plus(Duration.ofDays(30)));
        assertEquals(List.of("revoked TOKEN", "revoked SESSION", "revoked SUBJECT"), metrics.recorded());
    }

    @Test
    void aRevocationTheStoreCouldNotRecordIsNotCounted() {
        Revocations full = new Revocations(new InMemoryRevocationStore(clock, 0), clock, Duration.ZERO,
                Duration.ofDays(30), Duration.ofSeconds(60));
        assertThrows(RevocationUnavailableException.class, () -> full.revokeSubject("alice"));
        assertEquals(List.of(), metrics.recorded());
    }

    @Test
    void revokedTokenStaysRevokedUntilItsExpiryPlusSkew() {
        revocations.revokeToken("t", START.plusSeconds(900), null);
        assertEquals(REVOKED, revocations.check("t", null, null, 0));
        clock.advance(Duration.ofSeconds(959));
        assertEquals(REVOKED, revocations.check("t", null, null, 0));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(NOT_REVOKED, revocations.check("t", null, null, 0));
    }

    @Test
    void revokedSessionCoversEveryTokenOfThatSessionOnly() {
        revocations.revokeSession("s1", "alice");
        assertEquals(REVOKED, revocations.check("any", "s1", "alice", 0));
        assertEquals(NOT_REVOKED, revocations.check("any", "s2", "alice", 0));
        clock.advance(Duration.ofDays(30));
        assertEquals(NOT_REVOKED, revocations.check("any", "s1", "alice", 0), "forgotten once every token of it has expired");
    }

    @Test
    void revokingASubjectCoversTokensIssuedInEarlierSecondsOnly() {
        long now = START.getEpochSecond();
        revocations.revokeSubject("alice");
        assertEquals(REVOKED, revocations.check("t", null, "alice", now - 1));
        assertEquals(REVOKED, revocations.check(null, null, "alice", 0), "a token without iat is revoked");
        assertEquals(NOT_REVOKED, revocations.check("t", null, "alice", now), "a new login in the same second survives");
        assertEquals(NOT_REVOKED, revocations.check("t", null, "bob", now - 1));
    }

    @Test
    void aLogoutTokenIsRememberedUntilItsTimeAndRevokesNothing() {
        assertFalse(revocations.logoutTokenSeen("j"));
        assertTrue(revocations.rememberLogoutToken("j", START.plusSeconds(60)));
        assertTrue(revocations.logoutTokenSeen("j"));
        assertFalse(revocations.rememberLogoutToken("j", START.plusSeconds(60)), "the second of two at once");
        assertEquals(NOT_REVOKED, revocations.check("j", "j", "j", 0));
        clock.advance(Duration.ofSeconds(60));
        assertFalse(revocations.logoutTokenSeen("j"));
    }

    @Test
    void eachGenerationRotatesOnceThenItIsReuse() {
        Instant expiry = START.plus(Duration.ofDays(30));
        assertEquals(Use.FIRST, revocations.rotate("s", 0, expiry));
        assertEquals(Use.FIRST, revocations.rotate("s", 1, expiry));
        assertEquals(Use.FIRST, revocations.rotate("s", 2, expiry));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Use.REUSED, revocations.rotate("s", 2, expiry), "the token just replaced, after the grace");
        assertEquals(Use.REUSED, revocations.rotate("s", 0, expiry), "the login's token, long replaced");
        assertEquals(Use.FIRST, revocations.rotate("s", 3, expiry), "the current token still rotates");
        assertEquals(Use.FIRST, revocations.rotate("other", 0, expiry), "sessions are apart");
    }

    @Test
    void withoutGraceASecondUseInTheSameMillisecondIsAlreadyReuse() {
        Revocations strict = new Revocations(store, clock, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(60));
        assertEquals(Use.FIRST, strict.rotate("s3", 0, START.plusSeconds(60)));
        assertEquals(Use.REUSED, strict.rotate("s3", 0, START.plusSeconds(60)));
    }

    @Test
    void onlyTheTokenJustReplacedMayComeAgainWithinTheGrace() {
        Instant expiry = START.plus(Duration.ofDays(30));
        assertEquals(Use.FIRST, revocations.rotate("s1", 0, expiry));
        clock.advance(Duration.ofMillis(4999));
        assertEquals(Use.WITHIN_GRACE, revocations.rotate("s1", 0, expiry));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Use.REUSED, revocations.rotate("s1", 0, expiry));
        assertEquals(Use.FIRST, revocations.rotate("s1", 1, expiry));
        assertEquals(Use.REUSED, revocations.rotate("s1", 0, expiry), "two generations back is reuse at once");
    }

    @Test
    void aGenerationWeNeverIssuedIsReuse() {
        Instant expiry = START.plus(Duration.ofDays(30));
        assertEquals(Use.FIRST, revocations.rotate("s", 0, expiry));
        assertEquals(Use.REUSED, revocations.rotate("s", 7, expiry), "ahead of the session");
        assertEquals(Use.REUSED, revocations.rotate("t", -1, expiry));
        assertEquals(Use.REUSED, revocations.rotate("t", Long.MAX_VALUE, expiry));
    }

    @Test
    void rotationKeepsOneEntryPerSessionHoweverOftenItRefreshes() {
        Instant expiry = START.plus(Duration.ofDays(30));
        for (int generation = 0; generation < 10_000; generation++) {
            assertEquals(Use.FIRST, revocations.rotate("busy", generation, expiry));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(1, store.size(), "ten thousand refreshes of one session are one entry, not ten thousand");
    }

    @Test
    void concurrentRefreshesOfOneTokenRotateExactlyOnce() throws Exception {
        Revocations strict = new Revocations(store, clock, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(60));
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int generation = 0; generation < 200; generation++) {
                int presented = generation;
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<Use>> uses = new java.util.ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    uses.add(pool.submit(() -> {
                        start.await();
                        return strict.rotate("raced", presented, START.plus(Duration.ofDays(1)));
                    }));
                }
                start.countDown();
                int first = 0;
                for (var use : uses) {
                    first += use.get() == Use.FIRST ? 1 : 0;
                }
                assertEquals(1, first, "generation " + presented + " rotated once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSubjectsLogoutsCannotFillTheStoreForOthers() {
        InMemoryRevocationStore small = new InMemoryRevocationStore(clock, 50);
        Revocations limited = new Revocations(small, clock, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(60), 10);
        long before = START.getEpochSecond();
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10_000; i++) { // login and logout, again and again
            limited.revokeSession("mallory-" + i, "mallory");
            limited.revokeToken("mallory-access-" + i, clock.instant().plusSeconds(900), "mallory");
        }
        assertEquals(12, small.size(), "one subject holds its quota, a count and a subject entry");
        assertEquals(REVOKED, limited.check("mallory-access-9999", "mallory-9999", "mallory", clock.instant().getEpochSecond()));
        assertEquals(REVOKED, limited.check("x", "mallory-3", "mallory", before), "past the quota, all earlier tokens are revoked");

        limited.revokeSession("alice-1", "alice");
        assertEquals(REVOKED, limited.check("t", "alice-1", "alice", clock.instant().getEpochSecond()), "others still log out");
        assertEquals(NOT_REVOKED, limited.check("t", "alice-2", "alice", before));
    }

    @Test
    void theQuotaCountsEachSubjectApart() {
        Revocations limited = new Revocations(store, clock, Duration.ofSeconds(5), Duration.ofDays(30),
                Duration.ofSeconds(60), 2);
        long issued = START.getEpochSecond() - 10;
        limited.revokeSession("a1", "alice");
        limited.revokeSession("a2", "alice");
        limited.revokeSession("b1", "bob");
        assertEquals(NOT_REVOKED, limited.check("t", "a3", "alice", issued), "two sessions are within alice's quota");
        metrics.clear();
        limited.revokeSession("a3", "alice");
        assertEquals(List.of("revoked SUBJECT"), metrics.recorded(), "what was recorded: all of alice's tokens");
        assertEquals(REVOKED, limited.check("t", "a4", "alice", issued), "the third revokes all of alice's tokens");
        assertEquals(NOT_REVOKED, limited.check("t", "b2", "bob", issued), "bob is untouched");
    }

    @Test
    void aTokenWhoseRevocationCannotBeCheckedIsUnknownNeverNotRevoked() {
        dev.freshjwt.RevocationStore down = new dev.freshjwt.RevocationStore() {
            @Override
            public void put(String key, long value, Instant expiresAt) {
                throw new IllegalStateException("down");
            }

            @Override
            public java.util.OptionalLong putIfAbsent(String key, long value, Instant expiresAt) {
                throw new IllegalStateException("down");
            }

            @Override
            public boolean replace(String key, long expected, long value, Instant expiresAt) {
                throw new IllegalStateException("down");
            }

            @Override
            public java.util.OptionalLong get(String key) {
                throw new IllegalStateException("down");
            }
        };
        Revocations unreachable = new Revocations(down, clock, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(60));
        for (int i = 0; i < 1000; i++) { // fails closed every time, and logs once, not a thousand times
            assertEquals(Revocations.Status.UNKNOWN, unreachable.check("t" + i, "s", "alice", 0));
        }
        assertThrows(RevocationUnavailableException.class, () -> unreachable.revokeToken("t", START.plusSeconds(60), null));
    }

    @Test
    void aFullStoreTellsTheClientWhatWasNotRevokedNeverAServerError() {
        Revocations small = new Revocations(new InMemoryRevocationStore(clock, 2), clock, Duration.ZERO,
                Duration.ofDays(30), Duration.ofSeconds(60));
        small.revokeToken("a", clock.instant().plusSeconds(900), null);
        small.revokeToken("b", clock.instant().plusSeconds(900), null);
        for (Runnable write : new Runnable[] {() -> small.revokeToken("c", clock.instant().plusSeconds(900), null),
                () -> small.revokeSession("s", null), () -> small.revokeSubject("alice"),
                () -> small.rotate("r", 0, clock.instant().plusSeconds(900))}) {
            RevocationUnavailableException e = assertThrows(RevocationUnavailableException.class, write::run);
            assertEquals(503, e.getResponse().getStatus());
            assertEquals("60", e.getResponse().getHeaderString("Retry-After"));
            String body = (String) e.getResponse().getEntity();
            assertTrue(body.contains("\"type\":\"https://freshjwt.dev/problems/revocation-unavailable\""), body);
            assertTrue(body.contains("not"), body);
        }
        assertEquals(NOT_REVOKED, small.check("c", null, null, 0), "nothing was revoked, and the client was told");
        assertEquals(REVOKED, small.check("a", null, null, 0));
    }
}
