package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.WalkthroughIT.payload;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo's second factor: user {@code test}'s authenticator code (RFC 6238, {@link AuthenticatorApp}) at
 * {@code POST /login} and {@code POST /session}, the {@code acr} and {@code amr} it puts in the tokens, and
 * {@code POST /transfer}, which requires {@code acr} {@code mfa} from a login at most 300 seconds old.
 *
 * <p>The demo accepts each 30-second step's code once per user (replay refusal), for the lifetime of the deployment,
 * which all methods of this class share. So the two tests that log in with a good code use different steps on
 * purpose, in a fixed order: first the <em>current</em> step's code, then the <em>next</em> step's. The next step of
 * a later moment always lies after the current step of an earlier one, so the two never collide, even when a step
 * boundary passes between the tests; and each code is still accepted if a boundary passes between computing it and
 * the server checking it (the current step becomes the previous one, the next becomes the current: both within the
 * window of one step either side). No test waits for the clock. The other tests use no good code, or replay one of
 * these two on purpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorIT extends DemoIT {

    private static final String JSON = "application/json";
    private static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final String CSRF_ACCESS = "__Host-csrf_access_token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    @Order(1)
    void aLoginWithTheCodeIsMfaOpensTheTransferAndTheCodeIsGoodOnlyOnce() {
        String code = AuthenticatorApp.code(AuthenticatorApp.currentStep());
        HttpResponse<String> login = client.post("login", null, JSON, body("test", "test", code));
        assertEquals(200, login.statusCode(), login.body());
        JsonObject tokens = DemoClient.json(login);
        JsonObject access = payload(tokens.getString("access_token"));
        assertEquals("mfa", access.getString("acr"));
        assertEquals(List.of("pwd", "otp"), texts(access.getJsonArray("amr")));
        assertTrue(access.getBoolean("fresh"));
        JsonObject refresh = payload(tokens.getString("refresh_token"));
        assertEquals("mfa", refresh.getString("acr"));
        assertEquals(List.of("pwd", "otp"), texts(refresh.getJsonArray("amr")));

        String token = bearer(tokens.getString("access_token"));
        HttpResponse<String> transfer = client.post("transfer", token, null, null);
        assertEquals(200, transfer.statusCode(), transfer.body());
        assertEquals(Json.createObjectBuilder().add("message", "Transfer done").add("user", "test").build(),
                DemoClient.json(transfer));
        JsonObject session = DemoClient.json(client.get("session", token));
        assertEquals("mfa", session.getString("acr"));
        assertEquals(List.of("pwd", "otp"), texts(session.getJsonArray("amr")));

        // The same code a second time, within its 90 seconds, on either login endpoint: refused as a wrong code.
        assertInvalidCredentials(client.post("login", null, JSON, body("test", "test", code)));
        assertInvalidCredentials(client.post("session", null, JSON, body("test", "test", code)));

        // A refresh keeps acr and amr, but the token is no longer fresh: the transfer asks for a new login.
        String refreshed = DemoClient.json(client.post("refresh", bearer(tokens.getString("refresh_token")), null, null))
                .getString("access_token");
        assertEquals("mfa", payload(refreshed).getString("acr"));
        assertFalse(payload(refreshed).getBoolean("fresh"));
        assertTransferChallenge(client.post("transfer", bearer(refreshed), null, null));
    }

    @Test
    @Order(2)
    void withCookiesTheCodeLoginOpensTheTransferWithTheCsrfValueAndTheCodeIsGoodOnlyOnce() {
        String code = AuthenticatorApp.code(AuthenticatorApp.currentStep() + 1);
        CookieClient browser = new CookieClient(client.base());
        HttpResponse<String> login = browser.post("session", body("test", "test", code), "Content-Type", JSON);
        assertEquals(200, login.statusCode(), login.body());
        JsonObject answer = DemoClient.json(login);
        assertEquals("mfa", answer.getString("acr"));
        assertEquals(List.of("pwd", "otp"), texts(answer.getJsonArray("amr")));

        assertEquals(403, browser.post("transfer", null).statusCode(), "no CSRF value");
        HttpResponse<String> transfer = browser.post("transfer", null, CSRF_HEADER, browser.cookie(CSRF_ACCESS));
        assertEquals(200, transfer.statusCode(), transfer.body());
        assertEquals("Transfer done", DemoClient.json(transfer).getString("message"));
        JsonObject session = DemoClient.json(browser.get("session"));
        assertTrue(session.getBoolean("from_cookie"));
        assertEquals("mfa", session.getString("acr"));
        assertEquals(List.of("pwd", "otp"), texts(session.getJsonArray("amr")));

        assertInvalidCredentials(client.post("login", null, JSON, body("test", "test", code)));
    }

    @Test
    void aPasswordOnlyLoginIsAcrPasswordAndTheTransferAnswersTheChallengeNamingMfa() {
        HttpResponse<String> login = client.post("login", null, JSON, "{\"username\":\"test\",\"password\":\"test\"}");
        assertEquals(200, login.statusCode(), login.body());
        JsonObject tokens = DemoClient.json(login);
        JsonObject access = payload(tokens.getString("access_token"));
        assertEquals("password", access.getString("acr"));
        assertEquals(List.of("pwd"), texts(access.getJsonArray("amr")));
        assertTrue(access.getBoolean("fresh"));

        String token = bearer(tokens.getString("access_token"));
        assertTransferChallenge(client.post("transfer", token, null, null));
        assertEquals(200, client.get("sensitive_operation", token).statusCode(), "fresh is enough there");
        JsonObject session = DemoClient.json(client.get("session", token));
        assertEquals("password", session.getString("acr"));
        assertEquals(List.of("pwd"), texts(session.getJsonArray("amr")));

        CookieClient browser = new CookieClient(client.base());
        JsonObject cookieLogin = DemoClient.json(browser.login());
        assertEquals("password", cookieLogin.getString("acr"));
        assertEquals(List.of("pwd"), texts(cookieLogin.getJsonArray("amr")));
        assertTransferChallenge(browser.post("transfer", null, CSRF_HEADER, browser.cookie(CSRF_ACCESS)));
        assertEquals("password", DemoClient.json(browser.get("session")).getString("acr"));
    }

    @Test
    void aWrongCodeIsRefusedExactlyLikeAWrongPassword() {
        HttpResponse<String> wrongPassword = client.post("login", null, JSON, "{\"username\":\"test\",\"password\":\"wrong\"}");
        assertInvalidCredentials(wrongPassword);
        String expired = AuthenticatorApp.expiredCode();
        for (String path : List.of("login", "session")) {
            HttpResponse<String> wrongCode = client.post(path, null, JSON, body("test", "test", expired));
            assertInvalidCredentials(wrongCode);
            assertEquals(wrongPassword.body(), wrongCode.body(), "nothing tells which factor was wrong");
            assertTrue(wrongCode.headers().allValues("Set-Cookie").isEmpty(), path);
        }
    }

    @Test
    void aMalformedCodeIsABadRequest() {
        List<String> otps = List.of("\"12345\"", "\"1234567\"", "\"abcdef\"", "\" 123456\"", "\"12345a\"", "\"\"",
                "\"１２３４５６\"", "123456", "null", "[\"123456\"]", "true");
        for (String path : List.of("login", "session")) {
            for (String otp : otps) {
                String body = "{\"username\":\"test\",\"password\":\"test\",\"otp\":" + otp + "}";
                HttpResponse<String> response = client.post(path, null, JSON, body);
                assertEquals(400, response.statusCode(), () -> path + " " + otp + ": " + response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON), path + " " + otp);
                JsonObject problem = DemoClient.json(response);
                assertEquals(PROBLEM_BASE + "bad-request", problem.getString("type"));
                assertEquals("\"otp\" must be a string of 6 digits", problem.getString("detail"));
            }
        }
    }

    @Test
    void anMfaLoginOfMoreThanFiveMinutesAgoGetsTheChallengeAndARecentOnePasses() {
        Instant now = Instant.now();
        String old = Deployments.freshAccess(now.minusSeconds(400)).claim("acr", "mfa").claim("amr", List.of("pwd", "otp")).sign();
        assertTransferChallenge(client.post("transfer", bearer(old), null, null));
        String recent = Deployments.freshAccess(now).claim("acr", "mfa").claim("amr", List.of("pwd", "otp")).sign();
        HttpResponse<String> transfer = client.post("transfer", bearer(recent), null, null);
        assertEquals(200, transfer.statusCode(), transfer.body());
    }

    /** 401 {@code insufficient_user_authentication} asking for {@code acr} {@code mfa} within 300 seconds. */
    private static void assertTransferChallenge(HttpResponse<String> response) {
        assertStepUpRequired(response);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains(", acr_values=\"mfa\""), challenge);
        assertTrue(challenge.contains(", max_age=\"300\""), challenge);
        JsonObject problem = DemoClient.json(response);
        assertEquals("mfa", problem.getString("acr_values"));
        assertEquals(300, problem.getInt("max_age"));
    }

    private static void assertInvalidCredentials(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(List.of("Bearer"), response.headers().allValues("WWW-Authenticate"));
        assertEquals(PROBLEM_BASE + "invalid-credentials", DemoClient.json(response).getString("type"));
    }

    private static String body(String username, String password, String otp) {
        return Json.createObjectBuilder().add("username", username).add("password", password).add("otp", otp).build().toString();
    }

    private static List<String> texts(List<JsonValue> array) {
        return array.stream().map(value -> ((JsonString) value).getString()).toList();
    }
}
