package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.TokenLocation;
import dev.freshjwt.internal.guard.Rejection.Reason;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a request without any token is told, for each {@code freshjwt.token.location}. */
class MissingTokenTest {

    private static final TokenLocation COOKIE = new TokenLocation(false, true);
    private static final TokenLocation HEADER_AND_COOKIE = new TokenLocation(true, true);

    @Test
    void bearerOnlyApplicationsStillAskForABearerToken() {
        assertEquals("A bearer token is required", Rejection.missing(TokenType.ACCESS, TokenLocation.HEADER).description());
        assertEquals("A bearer token is required", Rejection.missing(TokenType.REFRESH, TokenLocation.HEADER).description());
        assertEquals(Rejection.unauthenticated(false), Rejection.missing(TokenType.ACCESS, TokenLocation.HEADER));
    }

    @Test
    void cookieOnlyCallersAreNotSignedInWithoutTheTokenCookie() {
        assertEquals("Not signed in: no access token cookie", Rejection.missing(TokenType.ACCESS, COOKIE).description());
        assertEquals("Not signed in: no refresh token cookie", Rejection.missing(TokenType.REFRESH, COOKIE).description());
    }

    @Test
    void whereTheHeaderIsReadTooTheRefusalNamesBoth() {
        assertEquals("Not signed in: no access token cookie and no bearer token",
                Rejection.missing(TokenType.ACCESS, HEADER_AND_COOKIE).description());
        assertEquals("Not signed in: no refresh token cookie and no bearer token",
                Rejection.missing(TokenType.REFRESH, HEADER_AND_COOKIE).description());
    }

    @Test
    void notSignedInIsStillAPlainBearerChallengeWithTheTextInTheProblemDetail() {
        Rejection missing = Rejection.missing(TokenType.ACCESS, COOKIE);
        assertEquals(Reason.MISSING_TOKEN, missing.reason());
        assertEquals(TokenRefusal.Reason.MISSING_TOKEN, missing.cause());
        Response response = Challenges.response(missing);
        assertEquals(401, response.getStatus());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"), "RFC 6750 §3.1: no error for a missing token");
        JsonObject problem = Json.createReader(new StringReader((String) response.getEntity())).readObject();
        assertEquals("https://freshjwt.dev/problems/missing-token", problem.getString("type"));
        assertEquals(401, problem.getInt("status"));
        assertEquals("Not signed in: no access token cookie", problem.getString("detail"));
        assertFalse(problem.containsKey("error"));
    }

    @Test
    void theGuardSaysNotSignedInWhereCookiesAreReadAndKeepsTheCookiesOwnRefusal() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        Revocations revocations = new Revocations(new InMemoryRevocationStore(clock, 100), clock, Duration.ZERO,
                Duration.ofDays(31), Duration.ofSeconds(60));
        FreshnessRule rule = new FreshnessRule(Duration.ofSeconds(60));

        TokenGuard bearerOnly = new TokenGuard(rule, clock, revocations);
        assertEquals("A bearer token is required",
                bearerOnly.check(Requirement.ACCESS, null, false, null).orElseThrow().description());

        TokenGuard cookieOnly = new TokenGuard(rule, clock, revocations, COOKIE);
        assertEquals("Not signed in: no access token cookie",
                cookieOnly.check(Requirement.fresh(300), null, false, null).orElseThrow().description());
        assertEquals("Not signed in: no refresh token cookie",
                cookieOnly.check(Requirement.REFRESH, null, false, null).orElseThrow().description());

        TokenGuard both = new TokenGuard(rule, clock, revocations, HEADER_AND_COOKIE);
        assertEquals("Not signed in: no access token cookie and no bearer token",
                both.check(Requirement.ACCESS, null, false, null).orElseThrow().description());
        Rejection badCookie = Rejection.invalid("The access token cookie is expired");
        assertEquals(badCookie, both.check(Requirement.ACCESS, null, false, badCookie).orElseThrow());
    }

    @Test
    void aContainersOwn401WithoutAnyTokenSaysTheSame() {
        assertEquals("A bearer token is required", BearerAdmission.containerRefusal(null).description());
        assertEquals("Not signed in: no access token cookie and no bearer token",
                BearerAdmission.containerRefusal(null, HEADER_AND_COOKIE).description());
        assertEquals(Rejection.unauthenticated(true), BearerAdmission.containerRefusal("Bearer garbage", HEADER_AND_COOKIE));
    }
}
