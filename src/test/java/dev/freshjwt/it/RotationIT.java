package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.freshjwt.it.events.RefusalRecorder;
import dev.freshjwt.it.events.RefusalsResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Refresh-token rotation: each refresh returns a new refresh token; a reused one revokes its session (and is announced
 * to the application as a refusal event).
 */
class RotationIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("freshjwt.refresh-token.rotation=true")
                .addClasses(RefusalRecorder.class, RefusalsResource.class);
    }

    @Test
    void refreshReturnsANewRefreshTokenEachTime() {
        JsonObject login = client.login();
        JsonObject first = refresh(login.getString("refresh_token"));
        assertNotEquals(login.getString("refresh_token"), first.getString("refresh_token"));
        JsonObject second = refresh(first.getString("refresh_token"));
        assertEquals(200, client.get("protected", bearer(second.getString("access_token"))).statusCode());
        assertEquals(WalkthroughIT.payload(login.getString("access_token")).getJsonNumber("auth_time"),
                WalkthroughIT.payload(second.getString("access_token")).getJsonNumber("auth_time"));
    }

    @Test
    void reusedRefreshTokenRevokesTheWholeSession() {
        JsonObject login = client.login();
        JsonObject rotated = refresh(login.getString("refresh_token"));

        client.get("test/refusals", null);
        HttpResponse<String> reuse = client.post("refresh", bearer(login.getString("refresh_token")), null, null);
        assertInvalidToken(reuse);
        JsonArray events = DemoClient.jsonArray(client.get("test/refusals", null));
        assertEquals(1, events.size(), events::toString);
        assertEquals("REFRESH_TOKEN_REUSED", events.getJsonObject(0).getString("reason"));
        assertEquals(WalkthroughIT.payload(login.getString("refresh_token")).getString("jti"),
                events.getJsonObject(0).getString("jti"));

        assertInvalidToken(client.post("refresh", bearer(rotated.getString("refresh_token")), null, null));
        assertInvalidToken(client.get("protected", bearer(rotated.getString("access_token"))));
        assertInvalidToken(client.get("protected", bearer(login.getString("access_token"))));

        JsonObject otherSession = client.login();
        assertEquals(200, client.get("protected", bearer(otherSession.getString("access_token"))).statusCode());
        refresh(otherSession.getString("refresh_token"));
    }

    @Test
    void withCookiesEachRefreshSetsANewRefreshCookieAndAReusedOneRevokesTheSession() {
        CookieClient browser = new CookieClient(client.base());
        browser.login();
        String first = browser.cookie(CookieIT.REFRESH);
        HttpResponse<String> rotated = browser.post("session/refresh", null, CookieIT.CSRF_HEADER,
                browser.cookie(CookieIT.CSRF_REFRESH));
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertEquals(Set.of(CookieIT.ACCESS, CookieIT.CSRF_ACCESS, CookieIT.REFRESH, CookieIT.CSRF_REFRESH),
                CookieClient.setCookies(rotated).keySet());
        assertNotEquals(first, browser.cookie(CookieIT.REFRESH));
        assertEquals(200, browser.get("protected").statusCode());

        CookieClient thief = new CookieClient(client.base()).with(CookieIT.REFRESH, first).with(CookieIT.CSRF_REFRESH, "x");
        String csrf = WalkthroughIT.payload(first).getString("csrf");
        assertInvalidToken(client.post("session/refresh", bearer(first), null, null));
        assertInvalidToken(thief.get("protected"));
        assertEquals(401, thief.post("session/refresh", null, CookieIT.CSRF_HEADER, csrf).statusCode());
        assertInvalidToken(browser.get("protected"));
    }

    private JsonObject refresh(String refreshToken) {
        HttpResponse<String> response = client.post("refresh", bearer(refreshToken), null, null);
        assertEquals(200, response.statusCode(), response.body());
        return DemoClient.json(response);
    }
}
