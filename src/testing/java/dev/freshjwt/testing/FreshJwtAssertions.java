package dev.freshjwt.testing;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Assertions on what a client receives when freshjwt refuses a request, the same on every server whoever refused it
 * (the container, freshjwt's filter, error page or interceptor). Each throws an {@link AssertionError} naming what
 * differs, so they work in JUnit, TestNG or plain code, and returns the {@link Refusal} for further checks.
 *
 * <pre>{@code
 * HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
 * Refusal refusal = FreshJwtAssertions.assertStepUpRequired(response);
 * assertEquals("300", refusal.challengeParameter("max_age"));
 * }</pre>
 *
 * <p>Every 401 is checked for: exactly one {@code WWW-Authenticate: Bearer} challenge (RFC 6750) with the expected
 * {@code error} first, {@code Cache-Control: no-store}, {@code Content-Type: application/problem+json}, and an RFC 9457
 * body whose {@code type} is {@value #PROBLEM_BASE} followed by the problem's name, whose {@code status} is the
 * response's, and whose {@code error} repeats the challenge's. Other HTTP clients pass status, headers and body to
 * the overloads that take them.
 */
public final class FreshJwtAssertions {

    /** Base of freshjwt's problem type URIs. */
    public static final String PROBLEM_BASE = "https://freshjwt.dev/problems/";

    private FreshJwtAssertions() {
    }

    /** No token came (or one in a scheme other than Bearer): 401, challenge {@code Bearer} without error. */
    public static Refusal assertMissingToken(HttpResponse<String> response) {
        return assertMissingToken(response.statusCode(), response.headers().map(), response.body());
    }

    /** As {@link #assertMissingToken(HttpResponse)}, from the parts of a response. */
    public static Refusal assertMissingToken(int status, Map<String, List<String>> headers, String body) {
        return assertRefused(status, headers, body, 401, null, "missing-token");
    }

    /**
     * A token came but cannot be used here (malformed, forged, expired, revoked, of the wrong type or an unknown key):
     * 401, {@code Bearer error="invalid_token"}.
     */
    public static Refusal assertInvalidToken(HttpResponse<String> response) {
        return assertInvalidToken(response.statusCode(), response.headers().map(), response.body());
    }

    /** As {@link #assertInvalidToken(HttpResponse)}, from the parts of a response. */
    public static Refusal assertInvalidToken(int status, Map<String, List<String>> headers, String body) {
        return assertRefused(status, headers, body, 401, "invalid_token", "invalid-token");
    }

    /**
     * A valid token whose login is not fresh, too old or not strong enough (RFC 9470 step-up): 401,
     * {@code Bearer error="insufficient_user_authentication"}; the challenge's {@code max_age} and {@code acr_values}
     * say what a new login must meet.
     */
    public static Refusal assertStepUpRequired(HttpResponse<String> response) {
        return assertStepUpRequired(response.statusCode(), response.headers().map(), response.body());
    }

    /** As {@link #assertStepUpRequired(HttpResponse)}, from the parts of a response. */
    public static Refusal assertStepUpRequired(int status, Map<String, List<String>> headers, String body) {
        return assertRefused(status, headers, body, 401, "insufficient_user_authentication",
                "insufficient-user-authentication");
    }

    /**
     * A state-changing request authenticated by a token cookie without the matching {@code X-CSRF-TOKEN} header: 403,
     * no challenge.
     */
    public static Refusal assertCsrfRejected(HttpResponse<String> response) {
        return assertCsrfRejected(response.statusCode(), response.headers().map(), response.body());
    }

    /** As {@link #assertCsrfRejected(HttpResponse)}, from the parts of a response. */
    public static Refusal assertCsrfRejected(int status, Map<String, List<String>> headers, String body) {
        return assertRefused(status, headers, body, 403, null, "csrf-failed");
    }

    private static Refusal assertRefused(int status, Map<String, List<String>> rawHeaders, String body,
            int expectedStatus, String error, String problemName) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rawHeaders.forEach((name, values) -> {
            if (name != null) { // HttpURLConnection.getHeaderFields() keys the status line with null
                headers.put(name, values);
            }
        });
        check(status == expectedStatus, "status " + expectedStatus + " expected, was " + status + ": " + body);
        List<String> challenges = headers.getOrDefault("WWW-Authenticate", List.of());
        String challenge = null;
        if (expectedStatus == 401) {
            check(challenges.size() == 1, "one WWW-Authenticate header expected, were " + challenges);
            challenge = challenges.get(0);
            check(error == null ? challenge.equals("Bearer") : challenge.startsWith("Bearer error=\"" + error + "\""),
                    "WWW-Authenticate " + (error == null ? "Bearer" : "Bearer error=\"" + error + "\"")
                            + " expected, was " + challenge);
        } else {
            check(challenges.isEmpty(), "no WWW-Authenticate header expected, were " + challenges);
        }
        check(headers.getOrDefault("Cache-Control", List.of()).equals(List.of("no-store")),
                "Cache-Control: no-store expected, was " + headers.get("Cache-Control"));
        List<String> contentType = headers.getOrDefault("Content-Type", List.of());
        check(contentType.size() == 1 && mediaType(contentType.get(0)).equals("application/problem+json"),
                "Content-Type application/problem+json expected, was " + contentType);
        Map<String, Object> problem = parse(body);
        check((PROBLEM_BASE + problemName).equals(problem.get("type")),
                "problem type " + PROBLEM_BASE + problemName + " expected, was " + problem.get("type"));
        check(Long.valueOf(status).equals(problem.get("status")), "problem status " + status + " expected: " + body);
        if (error != null) {
            check(error.equals(problem.get("error")), "problem error " + error + " expected: " + body);
        }
        return new Refusal(status, challenge, problem);
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException e) {
            throw new AssertionError("a JSON object expected as problem body, was: " + body, e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
