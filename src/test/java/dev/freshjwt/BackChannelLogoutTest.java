package dev.freshjwt;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.LogoutTokenVerifier;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.LogoutTokens;
import dev.freshjwt.unit.MapConfig;
import dev.freshjwt.unit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackChannelLogoutTest {

    private static final String ISSUER = "https://idp.example/realms/demo";
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Revocations revocations = new Revocations(new InMemoryRevocationStore(clock, 1000), clock, Duration.ZERO,
            Duration.ofDays(30), Duration.ofSeconds(60));
    private final BackChannelLogout logout = new BackChannelLogout(LogoutTokenVerifier.load(MapConfig.of(
            "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa()),
            "freshjwt.provider.client-id", "app"), getClass().getClassLoader(), clock), revocations);

    private static LogoutTokens token() {
        return LogoutTokens.of(ISSUER, "app", NOW, TestKeys.rsa().getPrivate());
    }

    @Test
    void aLogoutWithSidRevokesThatSessionOnly() {
        logout.logOut(token().sid("s1").sub("alice").sign());
        long earlier = NOW.getEpochSecond() - 10;
        assertEquals(REVOKED, revocations.check("access-1", "s1", "alice", earlier));
        assertEquals(NOT_REVOKED, revocations.check("access-2", "s2", "alice", earlier), "her other session stays");
    }

    @Test
    void aLogoutWithSubOnlyRevokesEveryEarlierTokenOfThatSubject() {
        logout.logOut(token().sub("alice").sign());
        long earlier = NOW.getEpochSecond() - 10;
        assertEquals(REVOKED, revocations.check("access-1", "s1", "alice", earlier));
        assertEquals(REVOKED, revocations.check("access-2", "s2", "alice", earlier));
        assertEquals(NOT_REVOKED, revocations.check("access-3", "s3", "bob", earlier));
        assertEquals(NOT_REVOKED, revocations.check("access-4", "s4", "alice", NOW.getEpochSecond() + 1), "a later login");
    }

    @Test
    void aReplayedLogoutTokenIsRefusedUntilItWouldBeTooOldAnyway() {
        String token = token().sid("s1").sign();
        logout.logOut(token);
        InvalidLogoutTokenException replay = assertThrows(InvalidLogoutTokenException.class, () -> logout.logOut(token));
        assertEquals("The logout token has been used before", replay.getMessage());
        clock.advance(Duration.ofSeconds(120 + 60 + 1));
        assertThrows(InvalidLogoutTokenException.class, () -> logout.logOut(token), "expired by then");
    }

    @Test
    void aRefusedLogoutTokenRevokesNothing() {
        String forged = token().sid("s1").signedWith(TestKeys.otherRsa().getPrivate(), "RS256").sign();
        assertThrows(InvalidLogoutTokenException.class, () -> logout.logOut(forged));
        assertEquals(NOT_REVOKED, revocations.check("access-1", "s1", "alice", NOW.getEpochSecond() - 10));
    }

    @Test
    void aLogoutTheStoreCannotRecordIsA503() {
        Revocations full = new Revocations(new InMemoryRevocationStore(clock, 0), clock, Duration.ZERO, Duration.ofDays(30),
                Duration.ofSeconds(60));
        BackChannelLogout withFullStore = new BackChannelLogout(LogoutTokenVerifier.load(MapConfig.of(
                "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa()),
                "freshjwt.provider.client-id", "app"), getClass().getClassLoader(), clock), full);
        String token = token().sid("s1").sign();
        RevocationUnavailableException unavailable = assertThrows(RevocationUnavailableException.class,
                () -> withFullStore.logOut(token));
        assertEquals(503, unavailable.getResponse().getStatus());
    }
}
