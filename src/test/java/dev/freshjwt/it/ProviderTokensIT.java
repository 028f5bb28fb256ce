package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.testing.Refusal;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Tokens shaped as an OpenID provider (Keycloak) issues them — no freshjwt {@code type} or {@code fresh} claim;
 * {@code typ: Bearer}, {@code iat}, {@code auth_time}, {@code acr}, {@code sid} — on the demo's {@code @FreshRequired}
 * endpoints: fresh when issued right after the login, never after a refresh or from the single-sign-on session, never
 * without {@code auth_time}; {@code maxAge} and {@code acr} read as for freshjwt's own tokens. Pre-dated tokens, no
 * waiting.
 */
class ProviderTokensIT extends DemoIT {

    private static final String NEW_LOGIN = "Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh"
            + " login is required: the token was not issued right after the login\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void aTokenIssuedRightAfterTheLoginPassesEveryFreshEndpoint() {
        Instant now = Instant.now();
        String token = Deployments.providerAccess(now, now.minusSeconds(2)).sign();
        HttpResponse<String> sensitive = client.get("sensitive_operation", bearer(token));
        assertEquals(200, sensitive.statusCode(), sensitive.body());
        assertEquals("test", DemoClient.json(sensitive).getString("user"));
        assertPastThePasswordChangesGuard(client.post("account/password", bearer(token), null, null));
        String mfa = Deployments.providerAccess(now, now.minusSeconds(2)).acr("mfa").sign();
        HttpResponse<String> transfer = client.post("transfer", bearer(mfa), null, null);
        assertEquals(200, transfer.statusCode(), transfer.body());
    }

    @Test
    void aTokenFromTheSingleSignOnSessionAsksForANewLogin() {
        Instant now = Instant.now();
        String token = Deployments.providerAccess(now, now.minusSeconds(1800)).sign();
        assertNewLoginRequired(client.get("sensitive_operation", bearer(token)), "");
        assertEquals(200, client.get("protected", bearer(token)).statusCode(), "any access token passes @AccessTokenRequired");
    }

    @Test
    void aTokenFromARefreshAsksForANewLoginEvenWithinMaxAge() {
        Instant now = Instant.now();
        String refreshed = Deployments.providerAccess(now.minusSeconds(10), now.minusSeconds(120)).sign();
        assertNewLoginRequired(client.get("sensitive_operation", bearer(refreshed)), "");
        assertNewLoginRequired(client.post("account/password", bearer(refreshed), null, null), "");
        String mfa = Deployments.providerAccess(now.minusSeconds(10), now.minusSeconds(120)).acr("mfa").sign();
        assertNewLoginRequired(client.post("transfer", bearer(mfa), null, null), ", acr_values=\"mfa\"");
    }

    @Test
    void aTokenWithoutAuthTimeIsNeverFresh() {
        String passwordGrant = Deployments.providerAccess(Instant.now(), Instant.now()).without("auth_time").sign();
        Refusal refusal = assertStepUpRequired(client.get("sensitive_operation", bearer(passwordGrant)));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh login is required: the"
                + " token does not say when the user authenticated\", max_age=\"0\"", refusal.challenge());
        assertEquals("A fresh login is required: the token does not say when the user authenticated",
                refusal.problem().get("detail"));
        assertEquals(0L, refusal.problem().get("max_age"));
    }

    @Test
    void aFreshTokenOfALoginOlderThanMaxAgeGetsTheEndpointsMaxAge() {
        Instant now = Instant.now();
        String token = Deployments.providerAccess(now.minusSeconds(400), now.minusSeconds(401)).sign();
        assertEquals(200, client.get("sensitive_operation", bearer(token)).statusCode(), "fresh, and no maxAge there");
        Refusal refusal = assertStepUpRequired(client.post("account/password", bearer(token), null, null));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"The last login is more than 300"
                + " seconds ago\", max_age=\"300\"", refusal.challenge());
        assertEquals(300L, refusal.problem().get("max_age"));
    }

    @Test
    void aPasswordLoginGetsTheAcrChallengeOnTheTransfer() {
        Instant now = Instant.now();
        String token = Deployments.providerAccess(now, now.minusSeconds(1)).sign();
        Refusal refusal = assertStepUpRequired(client.post("transfer", bearer(token), null, null));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger authentication is"
                + " required\", acr_values=\"mfa\", max_age=\"300\"", refusal.challenge());
        assertEquals("mfa", refusal.problem().get("acr_values"));
        assertEquals(300L, refusal.problem().get("max_age"));
    }

    @Test
    void ourOwnRefreshedTokenKeepsItsChallenge() {
        String refreshed = Deployments.freshAccess(Instant.now()).notFresh().sign();
        Refusal refusal = assertStepUpRequired(client.get("sensitive_operation", bearer(refreshed)));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh login is required\"",
                refusal.challenge());
    }

    private static void assertNewLoginRequired(HttpResponse<String> response, String acrValues) {
        Refusal refusal = assertStepUpRequired(response);
        assertEquals(NEW_LOGIN + acrValues + ", max_age=\"0\"", refusal.challenge());
        assertEquals("A fresh login is required: the token was not issued right after the login",
                refusal.problem().get("detail"));
        assertEquals(0L, refusal.problem().get("max_age"));
    }
}
