package dev.freshjwt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kit's assertions accept exactly what freshjwt writes, and name what differs otherwise. */
class FreshJwtAssertionsTest {

    private static final String STEP_UP_BODY = "{\"type\":\"https://freshjwt.dev/problems/insufficient-user-authentication\","
            + "\"title\":\"Fresh authentication required\",\"status\":401,\"detail\":\"d\","
            + "\"error\":\"insufficient_user_authentication\",\"acr_values\":\"mfa\",\"max_age\":300}";
    private static final String STEP_UP_CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"d\", acr_values=\"mfa\", max_age=\"300\"";

    @Test
    void aStepUpAsFreshjwtWritesItPassesAndItsParametersCanBeRead() {
        Refusal refusal = FreshJwtAssertions.assertStepUpRequired(401, headers(STEP_UP_CHALLENGE), STEP_UP_BODY);
        assertEquals("300", refusal.challengeParameter("max_age"));
        assertEquals("mfa", refusal.challengeParameter("acr_values"));
        assertNull(refusal.challengeParameter("scope"));
        assertEquals(300L, refusal.problem().get("max_age"));
        assertEquals(FreshJwtAssertions.PROBLEM_BASE + "insufficient-user-authentication", refusal.problemType());
    }

    @Test
    void theLibrarysOwnChallengesPass() {
        for (Rejection rejection : new Rejection[] {Rejection.invalid("bad"), Rejection.unauthenticated(false)}) {
            String challenge = Challenges.wwwAuthenticate(rejection);
            String body = Challenges.problemJson(rejection);
            if (rejection.reason() == Rejection.Reason.MISSING_TOKEN) {
                FreshJwtAssertions.assertMissingToken(401, headers(challenge), body);
            } else {
                FreshJwtAssertions.assertInvalidToken(401, headers(challenge), body);
            }
        }
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheMediaTypeMayHaveParameters() {
        Map<String, List<String>> headers = Map.of("www-authenticate", List.of(STEP_UP_CHALLENGE),
                "cache-control", List.of("no-store"), "content-type", List.of("application/problem+json; charset=UTF-8"));
        FreshJwtAssertions.assertStepUpRequired(401, headers, STEP_UP_BODY);
    }

    @Test
    void theHeaderMapOfHttpUrlConnectionWithItsNullKeyedStatusLineIsAccepted() {
        Map<String, List<String>> headers = new HashMap<>(headers(STEP_UP_CHALLENGE));
        headers.put(null, List.of("HTTP/1.1 401 Unauthorized"));
        FreshJwtAssertions.assertStepUpRequired(401, headers, STEP_UP_BODY);
    }

    @Test
    void eachDifferenceFailsWithAMessageThatNamesIt() {
        assertFails("status 401 expected, was 200", () -> FreshJwtAssertions.assertStepUpRequired(200, headers(STEP_UP_CHALLENGE), STEP_UP_BODY));
        assertFails("WWW-Authenticate Bearer error=\"invalid_token\" expected",
                () -> FreshJwtAssertions.assertInvalidToken(401, headers(STEP_UP_CHALLENGE), STEP_UP_BODY));
        assertFails("one WWW-Authenticate header expected",
                () -> FreshJwtAssertions.assertStepUpRequired(401, without("WWW-Authenticate"), STEP_UP_BODY));
        assertFails("Cache-Control: no-store expected",
                () -> FreshJwtAssertions.assertStepUpRequired(401, without("Cache-Control"), STEP_UP_BODY));
        assertFails("Content-Type application/problem+json expected",
                () -> FreshJwtAssertions.assertStepUpRequired(401, with("Content-Type", "text/html"), STEP_UP_BODY));
        assertFails("a JSON object expected",
                () -> FreshJwtAssertions.assertStepUpRequired(401, headers(STEP_UP_CHALLENGE), "<html>"));
        assertFails("problem type https://freshjwt.dev/problems/insufficient-user-authentication expected",
                () -> FreshJwtAssertions.assertStepUpRequired(401, headers(STEP_UP_CHALLENGE),
                        STEP_UP_BODY.replace("insufficient-user-authentication", "invalid-token")));
        assertFails("problem status 401 expected", () -> FreshJwtAssertions.assertStepUpRequired(401,
                headers(STEP_UP_CHALLENGE), STEP_UP_BODY.replace("\"status\":401", "\"status\":400")));
        assertFails("WWW-Authenticate Bearer expected", () -> FreshJwtAssertions.assertMissingToken(401,
                headers("Bearer realm=\"x\""), Challenges.problemJson(Rejection.unauthenticated(false))));
    }

    @Test
    void aCsrfRefusalIsA403WithoutChallenge() {
        String body = Challenges.problemJson(Rejection.csrf("X-CSRF-TOKEN missing"));
        Map<String, List<String>> headers = without("WWW-Authenticate");
        assertNull(FreshJwtAssertions.assertCsrfRejected(403, headers, body).challenge());
        assertFails("no WWW-Authenticate header expected",
                () -> FreshJwtAssertions.assertCsrfRejected(403, headers("Bearer"), body));
    }

    private static void assertFails(String message, Runnable assertion) {
        AssertionError error = assertThrows(AssertionError.class, assertion::run);
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    private static Map<String, List<String>> headers(String challenge) {
        return Map.of("WWW-Authenticate", List.of(challenge), "Cache-Control", List.of("no-store"),
                "Content-Type", List.of("application/problem+json"));
    }

    private static Map<String, List<String>> without(String name) {
        Map<String, List<String>> headers = new HashMap<>(headers(STEP_UP_CHALLENGE));
        headers.remove(name);
        return headers;
    }

    private static Map<String, List<String>> with(String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(headers(STEP_UP_CHALLENGE));
        headers.put(name, List.of(value));
        return headers;
    }
}
