package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.internal.revocation.Revocations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengesTest {

    @Test
    void missingTokenGetsABareBearerChallenge() {
        Rejection missing = Rejection.unauthenticated(false);
        assertEquals("Bearer", Challenges.wwwAuthenticate(missing));
        JsonObject problem = parse(Challenges.problemJson(missing));
        assertEquals("https://freshjwt.dev/problems/missing-token", problem.getString("type"));
        assertEquals(401, problem.getInt("status"));
        assertFalse(problem.containsKey("error"));
    }

    @Test
    void aProviderTokenThatIsNotFreshIsToldToLogInAgainWithMaxAgeZero() {
        Rejection rejection = new FreshnessRule(java.time.Duration.ofSeconds(60)).evaluate(
                Requirement.fresh(300, List.of("mfa")), TokenClaims.provider(1_000_000, 1_000_000 - 600, "mfa"),
                java.time.Instant.ofEpochSecond(1_000_000)).orElseThrow();
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh login is required:"
                + " the token was not issued right after the login\", acr_values=\"mfa\", max_age=\"0\"",
                Challenges.wwwAuthenticate(rejection));
        JsonObject problem = parse(Challenges.problemJson(rejection));
        assertEquals(0, problem.getInt("max_age"));
        assertEquals("mfa", problem.getString("acr_values"));
    }

    @Test
    void aTokenWhoseRevocationCannotBeCheckedIsA503WithoutAChallenge() {
        Rejection unknown = Rejection.of(Revocations.Status.UNKNOWN).orElseThrow();
        assertEquals(TokenRefusal.Reason.REVOCATION_UNAVAILABLE, unknown.cause());
        Response response = Challenges.response(unknown);
        assertEquals(503, response.getStatus());
        assertEquals("60", response.getHeaderString("Retry-After"));
        assertNull(response.getHeaderString("WWW-Authenticate"), "the token is not at fault: no challenge to log in");
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        JsonObject problem = parse((String) response.getEntity());
        assertEquals("https://freshjwt.dev/problems/revocation-unavailable", problem.getString("type"));
        assertEquals(503, problem.getInt("status"));
        assertFalse(problem.containsKey("error"));

        assertEquals(Optional.empty(), Rejection.of(Revocations.Status.NOT_REVOKED));
        assertEquals(TokenRefusal.Reason.REVOKED_TOKEN, Rejection.of(Revocations.Status.REVOKED).orElseThrow().cause());
        assertEquals(Rejection.Reason.INVALID_TOKEN, Rejection.of(Revocations.Status.REVOKED).orElseThrow().reason());
    }

    @Test
    void unverifiableTokenIsAnInvalidToken() {
        Rejection invalid = Rejection.unauthenticated(true);
        assertTrue(Challenges.wwwAuthenticate(invalid).startsWith("Bearer error=\"invalid_token\", error_description=\""));
        assertEquals("invalid_token", parse(Challenges.problemJson(invalid)).getString("error"));
    }

    @Test
    void stepUpChallengeFollowsRfc9470WithMaxAge() {
        Rejection stale = new Rejection(Rejection.Reason.INSUFFICIENT_USER_AUTHENTICATION, "A fresh login is required", 300);
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh login is required\","
                + " max_age=\"300\"", Challenges.wwwAuthenticate(stale));
        JsonObject problem = parse(Challenges.problemJson(stale));
        assertEquals("https://freshjwt.dev/problems/insufficient-user-authentication", problem.getString("type"));
        assertEquals(300, problem.getInt("max_age"));
    }

    @Test
    void descriptionsCannotBreakTheHeaderOrTheJson() {
        Rejection odd = Rejection.invalid("a \"quoted\" \\ line\nbreak");
        assertFalse(Challenges.wwwAuthenticate(odd).contains("\"quoted\""));
        assertEquals("a \"quoted\" \\ line\nbreak", parse(Challenges.problemJson(odd)).getString("detail"));
    }

    @Test
    void anAcrStepUpNamesTheAcceptableValuesInOrderThenMaxAge() {
        Rejection stale = new Rejection(Rejection.Reason.INSUFFICIENT_USER_AUTHENTICATION,
                "A stronger authentication is required", 300, List.of("mfa", "hwk"));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger authentication is"
                + " required\", acr_values=\"mfa hwk\", max_age=\"300\"", Challenges.wwwAuthenticate(stale));
        JsonObject problem = Json.createReader(new StringReader(Challenges.problemJson(stale))).readObject();
        assertEquals("mfa hwk", problem.getString("acr_values"));
        assertEquals(300, problem.getInt("max_age"));
        Rejection odd = new Rejection(Rejection.Reason.INSUFFICIENT_USER_AUTHENTICATION, "x", -1, List.of("a\"b\\c"));
        assertFalse(Challenges.wwwAuthenticate(odd).contains("a\"b"), Challenges.wwwAuthenticate(odd));
        Json.createReader(new StringReader(Challenges.problemJson(odd))).readObject();
    }

    @Test
    void aFailedCsrfCheckIsA403WithoutChallenge() {
        Rejection csrf = Rejection.csrf("The X-CSRF-TOKEN header does not match the token's CSRF value");
        var response = Challenges.rejected(csrf, null, null).getResponse();
        assertEquals(403, response.getStatus());
        assertEquals(null, response.getHeaderString("WWW-Authenticate"));
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        JsonObject problem = Json.createReader(new StringReader((String) response.getEntity())).readObject();
        assertEquals("https://freshjwt.dev/problems/csrf-failed", problem.getString("type"));
        assertEquals(403, problem.getInt("status"));
        assertFalse(problem.containsKey("error"));
    }

    @Test
    void bearerSchemeIsRecognisedInAnyCase() {
        assertTrue(Rejection.isBearer("Bearer abc"));
        assertTrue(Rejection.isBearer("bearer abc"));
        assertTrue(Rejection.isBearer("BEARER"));
        assertFalse(Rejection.isBearer("Basic dGVzdDp0ZXN0"));
        assertFalse(Rejection.isBearer("Bearerabc"));
        assertFalse(Rejection.isBearer(null));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
