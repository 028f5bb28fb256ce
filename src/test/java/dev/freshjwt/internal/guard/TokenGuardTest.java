package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.guard.Rejection.Reason;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.unit.MapJsonWebToken;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Revocations revocations = new Revocations(new InMemoryRevocationStore(clock, 100), clock,
            Duration.ZERO, Duration.ofDays(31), Duration.ofSeconds(60));
    private final TokenGuard guard = new TokenGuard(new FreshnessRule(Duration.ofSeconds(60)), clock, revocations);

    @Test
    void emptyTokenOfAnAnonymousRequestIsMissingWhereATokenIsRequired() {
        MapJsonWebToken empty = new MapJsonWebToken(null, Map.of());
        assertEquals(Reason.MISSING_TOKEN, guard.check(Requirement.ACCESS, empty, false, null).orElseThrow().reason());
        assertEquals(Reason.MISSING_TOKEN, guard.check(Requirement.ACCESS, null, false, null).orElseThrow().reason());
        assertTrue(guard.check(Requirement.NONE, empty, false, null).isEmpty());
    }

    @Test
    void bearerTokenTheContainerDidNotAcceptIsInvalidEvenOnOpenEndpoints() {
        assertEquals(Reason.INVALID_TOKEN, guard.check(Requirement.NONE, null, true, null).orElseThrow().reason());
    }

    @Test
    void acrIsReadAsEveryServerHandsItOutAndOddTypesNeverMeetARequirement() {
        Requirement strong = Requirement.fresh(300, List.of("mfa"));
        for (Object acr : new Object[] {"mfa", Json.createValue("mfa")}) {
            MapJsonWebToken token = new MapJsonWebToken("raw", Map.of("fresh", true, "auth_time", NOW.getEpochSecond(),
                    "acr", acr));
            assertTrue(guard.check(strong, token, true, null).isEmpty(), acr.getClass().getName());
        }
        for (Object odd : new Object[] {Json.createValue(2), List.of("mfa"), Json.createArrayBuilder().add("mfa").build(),
                JsonValue.TRUE, Map.of("value", "mfa"), 2L}) {
            MapJsonWebToken token = new MapJsonWebToken("raw", Map.of("fresh", true, "auth_time", NOW.getEpochSecond(),
                    "acr", odd));
            Rejection rejection = guard.check(strong, token, true, null).orElseThrow();
            assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason(), String.valueOf(odd));
            assertEquals(List.of("mfa"), rejection.acrValues());
        }
    }

    @Test
    void freshnessIsReadFromJsonValueClaims() {
        MapJsonWebToken fresh = new MapJsonWebToken("raw", Map.of("fresh", JsonValue.TRUE, "auth_time", NOW.getEpochSecond()));
        assertTrue(guard.check(Requirement.fresh(300), fresh, true, null).isEmpty());
        MapJsonWebToken stale = new MapJsonWebToken("raw", Map.of("fresh", JsonValue.FALSE, "auth_time", 0L));
        assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION,
                guard.check(Requirement.fresh(-1), stale, true, null).orElseThrow().reason());
    }

    @Test
    void revokedTokenSessionOrSubjectIsAnInvalidToken() {
        Map<String, Object> claims = Map.of("jti", "t1", "sid", "s1", "sub", "alice", "iat", NOW.getEpochSecond() - 10);
        assertTrue(guard.check(Requirement.ACCESS, new MapJsonWebToken("raw", claims), true, null).isEmpty());
        revocations.revokeToken("t1", NOW.plusSeconds(600), null);
        Rejection rejection = guard.check(Requirement.NONE, new MapJsonWebToken("raw", claims), true, null).orElseThrow();
        assertEquals(Reason.INVALID_TOKEN, rejection.reason());
        assertEquals("The token has been revoked", rejection.description());

        Map<String, Object> sameSession = Map.of("jti", "t2", "sid", "s2", "sub", "bob", "iat", NOW.getEpochSecond() - 10);
        revocations.revokeSession("s2", null);
        assertEquals(Reason.INVALID_TOKEN, guard.check(Requirement.ACCESS, new MapJsonWebToken("raw", sameSession), true, null)
                .orElseThrow().reason());

        Map<String, Object> olderOfCarol = Map.of("jti", "t3", "sub", "carol", "iat", NOW.getEpochSecond() - 1);
        Map<String, Object> newerOfCarol = Map.of("jti", "t4", "sub", "carol", "iat", NOW.getEpochSecond());
        revocations.revokeSubject("carol");
        assertTrue(guard.check(Requirement.ACCESS, new MapJsonWebToken("raw", olderOfCarol), true, null).isPresent());
        assertTrue(guard.check(Requirement.ACCESS, new MapJsonWebToken("raw", newerOfCarol), true, null).isEmpty());
    }

    @Test
    void claimsThatThrowOnReadingAreAnInvalidTokenNotAServerError() {
        MapJsonWebToken broken = new MapJsonWebToken("raw", Map.of()) {
            @Override
            public <T> T getClaim(String claimName) {
                throw new IllegalStateException("claim parse failure");
            }
        };
        assertEquals(Reason.INVALID_TOKEN, guard.check(Requirement.ACCESS, broken, true, null).orElseThrow().reason());
    }

    @Test
    void aProviderTokenIsJudgedByIatAndAuthTimeAsEveryServerHandsThemOut() {
        long now = NOW.getEpochSecond();
        for (Object issuedAt : new Object[] {now - 10, Json.createValue(now - 10)}) {
            MapJsonWebToken rightAfterLogin = new MapJsonWebToken("raw", Map.of("typ", "Bearer", "iat", issuedAt,
                    "auth_time", Json.createValue(now - 12), "acr", "1", "sid", "s"));
            assertTrue(guard.check(Requirement.fresh(300), rightAfterLogin, true, null).isEmpty(), issuedAt.getClass().getName());
        }
        MapJsonWebToken afterRefresh = new MapJsonWebToken("raw", Map.of("typ", "Bearer", "iat", now - 10,
                "auth_time", now - 200, "fresh", JsonValue.NULL));
        Rejection rejection = guard.check(Requirement.fresh(300), afterRefresh, true, null).orElseThrow();
        assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason());
        assertEquals(0, rejection.maxAge());
        MapJsonWebToken passwordGrant = new MapJsonWebToken("raw", Map.of("typ", "Bearer", "iat", now, "auth_time", 0L));
        assertEquals(0, guard.check(Requirement.fresh(-1), passwordGrant, true, null).orElseThrow().maxAge(),
                "SmallRye's 0 for a missing auth_time: never fresh");
    }

    @Test
    void ourOwnRefreshedTokenStaysNotFreshRightAfterTheLogin() {
        long now = NOW.getEpochSecond();
        MapJsonWebToken refreshed = new MapJsonWebToken("raw", Map.of("type", "access", "fresh", JsonValue.FALSE, "iat", now,
                "auth_time", now));
        Rejection rejection = guard.check(Requirement.fresh(-1), refreshed, true, null).orElseThrow();
        assertEquals("A fresh login is required", rejection.description());
        assertEquals(-1, rejection.maxAge());
    }
}
