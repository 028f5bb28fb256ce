package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.RevocationUnavailableException;
import dev.freshjwt.internal.revocation.Revocations.Use;
import dev.freshjwt.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final InMemoryRevocationStore store = new InMemoryRevocationStore(clock, 1000);
    private final Revocations revocations = new Revocations(store, clock, Duration.ofSeconds(5), Duration.ofDays(30),
            Duration.ofSeconds(60));

    @Test
    void revokedTokenStaysRevokedUntilItsExpiryPlusSkew() {
        revocations.revokeToken("t", START.plusSeconds(900));
        assertTrue(revocations.isRevoked("t", null, null, 0));
        clock.advance(Duration.ofSeconds(959));
        assertTrue(revocations.isRevoked("t", null, null, 0));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(revocations.isRevoked("t", null, null, 0));
    }

    @Test
    void revokedSessionCoversEveryTokenOfThatSessionOnly() {
        revocations.revokeSession("s1");
        assertTrue(revocations.isRevoked("any", "s1", "alice", 0));
        assertFalse(revocations.isRevoked("any", "s2", "alice", 0));
        clock.advance(Duration.ofDays(30));
        assertFalse(revocations.isRevoked("any", "s1", "alice", 0), "forgotten once every token of it has expired");
    }

    @Test
    void revokingASubjectCoversTokensIssuedInEarlierSecondsOnly() {
        long now = START.getEpochSecond();
        revocations.revokeSubject("alice");
        assertTrue(revocations.isRevoked("t", null, "alice", now - 1));
        assertTrue(revocations.isRevoked(null, null, "alice", 0), "a token without iat is revoked");
        assertFalse(revocations.isRevoked("t", null, "alice", now), "a new login in the same second survives");
        assertFalse(revocations.isRevoked("t", null, "bob", now - 1));
    }

    @Test
    void withoutGraceASecondUseInTheSameMillisecondIsAlreadyReuse() {
        Revocations strict = new Revocations(store, clock, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(60));
        assertEquals(Use.FIRST, strict.markRefreshUsed("r3", START.plusSeconds(60)));
        assertEquals(Use.REUSED, strict.markRefreshUsed("r3", START.plusSeconds(60)));
    }

    @Test
    void refreshTokenUsedTwiceIsReuseAfterTheGracePeriod() {
        Instant expiry = START.plus(Duration.ofDays(30));
        assertEquals(Use.FIRST, revocations.markRefreshUsed("r1", expiry));
        clock.advance(Duration.ofMillis(4999));
        assertEquals(Use.WITHIN_GRACE, revocations.markRefreshUsed("r1", expiry));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Use.REUSED, revocations.markRefreshUsed("r1", expiry));
        assertEquals(Use.FIRST, revocations.markRefreshUsed("r2", expiry));
    }

    @Test
    void aFullStoreTellsTheClientWhatWasNotRevokedNeverAServerError() {
        Revocations small = new Revocations(new InMemoryRevocationStore(clock, 2), clock, Duration.ZERO,
                Duration.ofDays(30), Duration.ofSeconds(60));
        small.revokeToken("a", clock.instant().plusSeconds(900));
        small.revokeToken("b", clock.instant().plusSeconds(900));
        for (Runnable write : new Runnable[] {() -> small.revokeToken("c", clock.instant().plusSeconds(900)),
                () -> small.revokeSession("s"), () -> small.revokeSubject("alice"),
                () -> small.markRefreshUsed("r", clock.instant().plusSeconds(900))}) {
            RevocationUnavailableException e = assertThrows(RevocationUnavailableException.class, write::run);
            assertEquals(503, e.getResponse().getStatus());
            assertEquals("60", e.getResponse().getHeaderString("Retry-After"));
            String body = (String) e.getResponse().getEntity();
            assertTrue(body.contains("\"type\":\"https://freshjwt.dev/problems/revocation-unavailable\""), body);
            assertTrue(body.contains("not"), body);
        }
        assertFalse(small.isRevoked("c", null, null, 0), "nothing was revoked, and the client was told");
        assertTrue(small.isRevoked("a", null, null, 0));
    }
}
