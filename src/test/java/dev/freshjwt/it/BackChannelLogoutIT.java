package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.LogoutTokens;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout at the demo's {@code POST /backchannel-logout}: the provider's session ends, it
 * posts a logout token, and the provider's access tokens of that session ({@code sid}) or subject ({@code sub}) are
 * refused on the next request; anything but a valid, unused logout token gets the specification's 400. Provider-shaped
 * tokens signed with the key the deployment trusts; pre-dated access tokens, no waiting.
 */
class BackChannelLogoutIT extends DemoIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void theProvidersSessionEndedSoItsTokensAreRefusedAtOnceAndOtherSessionsWork() {
        Instant earlier = Instant.now().minusSeconds(30);
        String session = UUID.randomUUID().toString();
        String access = bearer(Deployments.providerAccess(earlier, earlier).claim("sid", session).sign());
        String otherSession = bearer(Deployments.providerAccess(earlier, earlier).sign());
        assertEquals(200, client.get("protected", access).statusCode());

        HttpResponse<String> logout = postLogout(logoutToken().sid(session).sub("test").sign());
        assertEquals(200, logout.statusCode(), logout.body());
        assertEquals("no-store", logout.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<String> refused = client.get("protected", access);
        assertInvalidToken(refused);
        assertEquals("The token has been revoked", DemoClient.json(refused).getString("detail"));
        assertEquals(200, client.get("protected", otherSession).statusCode(), "the user's other session");
    }

    @Test
    void aLogoutOfTheSubjectAloneRevokesEveryEarlierTokenOfThatSubjectOnly() {
        Instant earlier = Instant.now().minusSeconds(30);
        String subject = "erin-" + UUID.randomUUID();
        String first = bearer(Deployments.providerAccess(earlier, earlier).claim("sub", subject).sign());
        String second = bearer(Deployments.providerAccess(earlier, earlier).claim("sub", subject).sign());
        String otherUser = bearer(Deployments.providerAccess(earlier, earlier).sign());
        assertEquals(200, client.get("protected", first).statusCode());

        assertEquals(200, postLogout(logoutToken().sub(subject).sign()).statusCode());

        assertInvalidToken(client.get("protected", first));
        assertInvalidToken(client.get("protected", second));
        assertEquals(200, client.get("protected", otherUser).statusCode());
    }

    @Test
    void aReplayedLogoutTokenIsRefused() {
        String token = logoutToken().sid(UUID.randomUUID().toString()).sign();
        assertEquals(200, postLogout(token).statusCode());
        assertBadRequest(postLogout(token), "The logout token has been used before");
    }

    @Test
    void aForgedLogoutTokenIsRefusedAndRevokesNothing() {
        Instant earlier = Instant.now().minusSeconds(30);
        String session = UUID.randomUUID().toString();
        String access = bearer(Deployments.providerAccess(earlier, earlier).claim("sid", session).sign());
        String forged = logoutToken().sid(session)
                .signedWith(TestKeys.otherRsa().getPrivate(), "RS256").sign();
        assertBadRequest(postLogout(forged), "The logout token's signature is not the provider's");
        assertBadRequest(postLogout(logoutToken().sid(session).claim("aud", "another-client").sign()),
                "The logout token is not meant for this application (aud)");
        assertBadRequest(postLogout(logoutToken().sid(session).claim("nonce", "n").sign()),
                "A logout token must not carry a nonce");
        assertEquals(200, client.get("protected", access).statusCode());
    }

    @Test
    void garbageGetsTheSpecificationsErrorNeverA500() {
        assertBadRequest(postLogout("garbage"), "The logout token is not a valid JWT signed by the provider");
        assertBadRequest(client.post("backchannel-logout", null, FORM, "other=1"), "The logout_token parameter is missing");
        // a malformed escape: Jersey (Payara) refuses it itself, 400 problem+json before the resource runs; elsewhere the
        // resource's own 400
        assertBadRequest(client.post("backchannel-logout", null, FORM, "logout_token=%zz%"), null);
        assertBadRequest(postLogout("x".repeat(100_000)), "The logout token is too long");
        HttpResponse<String> json = client.post("backchannel-logout", null, "application/json", "{\"logout_token\":\"x\"}");
        assertEquals(415, json.statusCode(), json.body());
        HttpResponse<String> none = client.post("backchannel-logout", null, null, null);
        assertTrue(none.statusCode() == 400 || none.statusCode() == 415, none.statusCode() + " " + none.body());
    }

    private static LogoutTokens logoutToken() {
        return LogoutTokens.of(Deployments.ISSUER.issuer(), Deployments.CLIENT_ID, Instant.now(),
                Deployments.ISSUER.keyPair().getPrivate());
    }

    private HttpResponse<String> postLogout(String token) {
        return client.post("backchannel-logout", null, FORM, "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The specification's error response (§2.8): 400, {@code invalid_request}; {@code description} unless {@code null}. */
    private static void assertBadRequest(HttpResponse<String> response, String description) {
        assertEquals(400, response.statusCode(), response.body());
        if (description != null) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    response.headers().map().toString());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
            JsonObject error = DemoClient.json(response);
            assertEquals("invalid_request", error.getString("error"));
            assertEquals(description, error.getString("error_description"));
        }
    }
}
