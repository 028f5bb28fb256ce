package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertMissingToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.freshjwt.it.events.RefusalRecorder;
import dev.freshjwt.it.events.RefusalsResource;
import dev.freshjwt.testing.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal fires one {@code TokenRefusal} CDI event with its reason, requirement, subject and {@code jti} (never
 * the token); an application's observer adds a member to the problem body, and one that throws does not turn the 401
 * into a 500. The observers are deployed with the demo.
 */
class RefusalEventsIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo().addClasses(RefusalRecorder.class, RefusalsResource.class);
    }

    @BeforeEach
    void forgetEarlierRefusals() {
        client.get("test/refusals", null);
    }

    @Test
    void aMissingTokenAtAnAnnotatedEndpoint() {
        Refusal refused = assertMissingToken(client.get("protected", null));
        assertEquals("audit-none", refused.problem().get("audit_id"), "the observer's member in the body");
        JsonObject event = onlyEvent();
        assertEquals("MISSING_TOKEN", event.getString("reason"));
        assertEquals(401, event.getInt("status"));
        assertEquals("@AccessTokenRequired", event.getString("requirement"));
        assertEquals("", event.getString("subject"));
    }

    @Test
    void aRefreshTokenWhereAnAccessTokenIsRequiredNamesItsSubjectAndJti() {
        String refresh = client.login().getString("refresh_token");
        String jti = WalkthroughIT.payload(refresh).getString("jti");
        Refusal refused = assertInvalidToken(client.get("protected", bearer(refresh)));
        assertEquals("audit-" + jti, refused.problem().get("audit_id"));
        JsonObject event = onlyEvent();
        assertEquals("WRONG_TOKEN_TYPE", event.getString("reason"));
        assertEquals("test", event.getString("subject"));
        assertEquals(jti, event.getString("jti"));
        assertFalse(event.getString("text").contains(refresh), "never the token itself");
    }

    @Test
    void staleTokensOnAResourceAndOnAnEjbSayWhatWasRequired() {
        JsonObject login = client.login();
        String refreshed = DemoClient.json(client.post("refresh", bearer(login.getString("refresh_token")), null, null))
                .getString("access_token");
        forgetEarlierRefusals();
        assertStepUpRequired(client.get("sensitive_operation", bearer(refreshed)));
        JsonObject resource = onlyEvent();
        assertEquals("NOT_FRESH", resource.getString("reason"));
        assertEquals("@FreshRequired", resource.getString("requirement"));

        assertStepUpRequired(client.post("account/password", bearer(refreshed), null, null));
        JsonObject ejb = onlyEvent();
        assertEquals("NOT_FRESH", ejb.getString("reason"));
        assertEquals("@FreshRequired(maxAge = 300)", ejb.getString("requirement"));

        String oldLogin = Deployments.freshAccess(Instant.now().minusSeconds(3600)).sign();
        assertStepUpRequired(client.post("account/password", bearer(oldLogin), null, null));
        assertEquals("LOGIN_TOO_OLD", onlyEvent().getString("reason"));
    }

    @Test
    void revokedForgedAndCsrfRefusals() {
        String access = client.login().getString("access_token");
        assertEquals(204, client.post("logout", bearer(access), null, null).statusCode());
        forgetEarlierRefusals();
        assertInvalidToken(client.get("protected", bearer(access)));
        assertEquals("REVOKED_TOKEN", onlyEvent().getString("reason"));

        String forged = Deployments.freshAccess(Instant.now()).forged().sign();
        assertInvalidToken(client.get("protected", bearer(forged)));
        JsonObject unverified = onlyEvent();
        assertEquals("INVALID_TOKEN", unverified.getString("reason"));
        assertEquals("", unverified.getString("requirement"), "refused before any endpoint");

        CookieClient browser = new CookieClient(client.base());
        browser.login();
        forgetEarlierRefusals();
        HttpResponse<String> csrf = browser.post("account/password", null);
        assertEquals(403, csrf.statusCode(), csrf.body());
        JsonObject event = onlyEvent();
        assertEquals("CSRF_FAILED", event.getString("reason"));
        assertEquals(403, event.getInt("status"));
    }

    @Test
    void anObserverThatThrowsDoesNotTurnTheRefusalIntoAServerError() {
        String stale = Deployments.freshAccess(Instant.now()).claim("sub", "thrower").claim("upn", "thrower")
                .claim("fresh", false).sign();
        HttpResponse<String> response = client.get("sensitive_operation", bearer(stale));
        assertStepUpRequired(response);
        assertEquals("thrower", onlyEvent().getString("subject"), "the recorder still saw it, after the thrower");
        assertEquals("audit-" + WalkthroughIT.payload(stale).getString("jti"), DemoClient.json(response).getString("audit_id"));
    }

    private JsonObject onlyEvent() {
        JsonArray events = DemoClient.jsonArray(client.get("test/refusals", null));
        assertEquals(1, events.size(), events::toString);
        return events.getJsonObject(0);
    }
}
