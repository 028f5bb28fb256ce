package dev.freshjwt.it;

import static dev.freshjwt.it.CookieIT.ACCESS;
import static dev.freshjwt.it.CookieIT.CSRF_ACCESS;
import static dev.freshjwt.it.CookieIT.CSRF_HEADER;
import static dev.freshjwt.it.CookieIT.CSRF_REFRESH;
import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.WalkthroughIT.payload;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /account/password} really changes the password, on the demo's second user {@code alice} (so that
 * {@code test}'s stays what the README says): the new hash is stored, the old password no longer logs in, every other
 * session of the user ends, the current one goes on with new tokens; a weak new password is a 400 naming the rule, a
 * wrong current password a 403, and nothing changes. Each test puts the password back.
 */
class PasswordChangeIT extends DemoIT {

    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String NEW_PASSWORD = "through the looking-glass";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void theNewPasswordIsStoredEveryOtherSessionEndsAndThisOneGoesOnWithNewCookies() {
        CookieClient other = new CookieClient(client.base());
        other.login(USER, PASSWORD);
        String otherBearer = DemoClient.json(loginWithBody(PASSWORD)).getString("access_token");
        CookieClient browser = new CookieClient(client.base());
        browser.login(USER, PASSWORD);
        awaitServerSecondAfter(payload(browser.cookie(ACCESS)).getJsonNumber("iat").longValue());

        assertRefused(change(browser, PASSWORD, "short"), 400, "at least 8 characters");
        assertRefused(change(browser, PASSWORD, PASSWORD), 400, "differ from the current one");
        assertRefused(browser.post("account/password", "", CSRF_HEADER, browser.cookie(CSRF_ACCESS)), 400, "new_password");
        assertRefused(change(browser, "not the password", NEW_PASSWORD), 403, "current password is wrong");
        assertEquals(200, other.get("protected").statusCode(), "a refused change ends no session");

        String oldAccess = browser.cookie(ACCESS);
        HttpResponse<String> changed = change(browser, PASSWORD, NEW_PASSWORD);
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(DemoClient.json(changed).getString("message").contains("every other session of alice is logged out"),
                changed.body());
        assertFalse(changed.body().contains("eyJ"), "a cookie caller gets its tokens in cookies only: " + changed.body());
        assertNotEquals(oldAccess, browser.cookie(ACCESS));
        assertTrue(payload(browser.cookie(ACCESS)).getBoolean("fresh"), "the current password was just typed");

        JsonObject session = DemoClient.json(browser.get("session"));
        assertTrue(session.getBoolean("authenticated") && session.getBoolean("fresh"), session::toString);
        assertEquals(200, browser.get("protected").statusCode());
        HttpResponse<String> refreshed = browser.post("session/refresh", null, CSRF_HEADER, browser.cookie(CSRF_REFRESH));
        assertEquals(200, refreshed.statusCode(), "the new refresh cookie works: " + refreshed.body());

        assertInvalidToken(other.get("protected"));
        assertInvalidToken(other.post("session/refresh", null, CSRF_HEADER, other.cookie(CSRF_REFRESH)));
        assertInvalidToken(client.get("protected", bearer(otherBearer)));
        assertInvalidToken(new CookieClient(client.base()).with(ACCESS, oldAccess).get("protected"));

        assertEquals(401, loginWithBody(PASSWORD).statusCode(), "the old password no longer logs in");
        CookieClient again = new CookieClient(client.base());
        again.login(USER, NEW_PASSWORD);
        assertEquals(200, again.get("protected").statusCode());
        assertEquals(401, new CookieClient(client.base()).tryLogin(USER, PASSWORD).statusCode());

        assertEquals(200, change(again, NEW_PASSWORD, PASSWORD).statusCode(), "put back");
    }

    @Test
    void aBearerCallerGetsTheTokensOfItsNewLoginInTheBodyAndAStaleOneTheStepUpWhateverTheBody() {
        JsonObject login = DemoClient.json(loginWithBody(PASSWORD));
        String access = login.getString("access_token");
        String refreshed = DemoClient.json(client.post("refresh", bearer(login.getString("refresh_token")), null, null))
                .getString("access_token");
        assertStepUpRequired(client.post("account/password", bearer(refreshed), "application/json", body(PASSWORD, NEW_PASSWORD)));
        assertStepUpRequired(client.post("account/password", bearer(refreshed), null, null));
        awaitServerSecondAfter(payload(access).getJsonNumber("iat").longValue());

        HttpResponse<String> changed = client.post("account/password", bearer(access), "application/json",
                body(PASSWORD, NEW_PASSWORD));
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject next = DemoClient.json(changed);
        assertTrue(payload(next.getString("access_token")).getBoolean("fresh"));
        assertEquals(200, client.get("protected", bearer(next.getString("access_token"))).statusCode());
        assertEquals(200, client.post("refresh", bearer(next.getString("refresh_token")), null, null).statusCode());
        assertInvalidToken(client.get("protected", bearer(access)));
        assertInvalidToken(client.post("refresh", bearer(login.getString("refresh_token")), null, null));

        HttpResponse<String> back = client.post("account/password", bearer(next.getString("access_token")),
                "application/json", body(NEW_PASSWORD, PASSWORD));
        assertEquals(200, back.statusCode(), "put back: " + back.body());
        assertEquals(200, loginWithBody(PASSWORD).statusCode());
    }

    private static HttpResponse<String> change(CookieClient browser, String current, String next) {
        return browser.post("account/password", body(current, next), "Content-Type", "application/json", CSRF_HEADER,
                browser.cookie(CSRF_ACCESS));
    }

    private static String body(String current, String next) {
        return Json.createObjectBuilder().add("current_password", current).add("new_password", next).build().toString();
    }

    private HttpResponse<String> loginWithBody(String password) {
        return client.post("login", null, "application/json",
                Json.createObjectBuilder().add("username", USER).add("password", password).build().toString());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(DemoClient.json(response).getString("detail").contains(detail), response.body());
    }
}
