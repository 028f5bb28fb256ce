package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.KeycloakBrowser.CODE_FORM;
import static dev.freshjwt.it.KeycloakBrowser.PASSWORD_FORM;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.KeycloakBrowser.Login;
import dev.freshjwt.it.KeycloakRealm.Tokens;
import dev.freshjwt.testing.Refusal;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo with a real Keycloak as its OpenID provider (the keycloak profile starts it, with the realm of
 * {@code server-config/keycloak/}): the demo trusts the realm's issuer and fetches its keys from the realm's JWKS; a
 * user signs in through the authorization-code flow in headless Chromium ({@link KeycloakBrowser}). A token right
 * after the password passes {@code @FreshRequired}; one from the refresh grant or from Keycloak's single-sign-on
 * session asks for a new login, which following the challenge's parameters to the authorization endpoint gives; the
 * transfer's {@code acr_values="mfa"} leads to Keycloak's level-2 login with the authenticator code; and when Keycloak
 * ends a session it posts a logout token to the demo's {@code /backchannel-logout}, after which that session's tokens
 * (its {@code sid}), and only those, are refused.
 */
class KeycloakIT extends DemoIT {

    private static final KeycloakRealm REALM = KeycloakRealm.fromBuild();

    /**
     * The deployment's {@code freshjwt.provider.fresh-window}: shorter than the default minute so that the test waits
     * seconds, not a minute, for a refreshed token to fall outside it; long enough for the code exchange after the
     * password on a busy machine.
     */
    private static final long WINDOW_SECONDS = 5;

    private static final String NEW_LOGIN = "Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh"
            + " login is required: the token was not issued right after the login\", max_age=\"0\"";

    private KeycloakBrowser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.forProvider(REALM.issuer(), REALM.jwksUrl(), "freshjwt.provider.fresh-window=PT" + WINDOW_SECONDS + "S");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = KeycloakBrowser.open(REALM, artifacts());
        REALM.configureClient(backChannelLogoutUrl(), browser.redirectUri());
    }

    @AfterEach
    void closeBrowser() throws IOException {
        browser.close();
    }

    @Test
    void aTokenRightAfterThePasswordPassesTheFreshEndpoint() {
        Login login = browser.authorize(Map.of());
        assertEquals(List.of(PASSWORD_FORM), login.forms());
        Tokens tokens = login.tokens();
        assertFreshlyIssued(tokens);
        assertEquals("password", tokens.acr(), "Keycloak's level 1, named by the realm's ACR-to-LoA mapping");

        HttpResponse<String> sensitive = client.get("sensitive_operation", bearer(tokens.access()));
        assertEquals(200, sensitive.statusCode(), sensitive.body());
        assertEquals("test", DemoClient.json(sensitive).getString("user"), "the upn mapper's claim");
    }

    @Test
    void tokensOfTheRefreshGrantAndOfTheSingleSignOnSessionAskForANewLoginWhichTheChallengeLeadsTo() {
        Tokens login = browser.authorize(Map.of()).tokens();
        assertFreshlyIssued(login);

        Tokens refreshed = refreshPastTheWindow(login);
        assertNewLoginRequired(client.get("sensitive_operation", bearer(refreshed.access())));
        assertEquals(200, client.get("protected", bearer(refreshed.access())).statusCode(), "still a valid access token");

        Login fromSession = browser.authorize(Map.of());
        assertEquals(List.of(), fromSession.forms(), "Keycloak answered from its session, without the password");
        assertEquals(login.authTime(), fromSession.tokens().authTime());
        Refusal refusal = assertNewLoginRequired(client.get("sensitive_operation", bearer(fromSession.tokens().access())));

        Login stepUp = browser.authorize(parametersOf(refusal));
        assertEquals(List.of(PASSWORD_FORM), stepUp.forms(), "max_age=0: the password again");
        assertFreshlyIssued(stepUp.tokens());
        assertTrue(stepUp.tokens().authTime() > login.authTime(), "a new login");
        HttpResponse<String> sensitive = client.get("sensitive_operation", bearer(stepUp.tokens().access()));
        assertEquals(200, sensitive.statusCode(), sensitive.body());
    }

    @Test
    void theTransferAsksAPasswordLoginForTheCodeAndAcceptsTheLoginWithTheCode() {
        Tokens password = browser.authorize(Map.of()).tokens();
        Refusal refusal = assertStepUpRequired(client.post("transfer", bearer(password.access()), null, null));
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger authentication is"
                + " required\", acr_values=\"mfa\", max_age=\"300\"", refusal.challenge());
        assertEquals("mfa", refusal.problem().get("acr_values"));

        Login stepUp = browser.authorize(parametersOf(refusal));
        assertEquals(List.of(CODE_FORM), stepUp.forms(), "the password is seconds old: Keycloak asks for the code alone");
        assertEquals("mfa", stepUp.tokens().acr(), "Keycloak's level 2");
        assertFreshlyIssued(stepUp.tokens());
        HttpResponse<String> transfer = client.post("transfer", bearer(stepUp.tokens().access()), null, null);
        assertEquals(200, transfer.statusCode(), transfer.body());
        assertEquals("Transfer done", DemoClient.json(transfer).getString("message"));
    }

    @Test
    void theSessionEndedAtKeycloakIsRefusedAtOnceAndTheUsersOtherSessionIsNot() throws IOException {
        Tokens ended = browser.authorize(Map.of()).tokens();
        Tokens endedRefreshed = REALM.refresh(ended);
        Tokens other;
        try (KeycloakBrowser secondBrowser = KeycloakBrowser.open(REALM, artifacts())) {
            REALM.configureClient(backChannelLogoutUrl(), secondBrowser.redirectUri());
            other = secondBrowser.authorize(Map.of()).tokens();
        }
        assertNotEquals(ended.sid(), other.sid(), "two browsers, two sessions");
        assertEquals(ended.sid(), endedRefreshed.sid());
        for (Tokens tokens : List.of(ended, endedRefreshed, other)) {
            assertEquals(200, client.get("protected", bearer(tokens.access())).statusCode());
        }

        // Keycloak posts the logout token to the application before it answers the administrator: the very first
        // request after that answer is refused. (No time limit: under load the round trip itself takes seconds.)
        REALM.endSession(ended.sid());
        HttpResponse<String> refused = client.get("protected", bearer(ended.access()));
        assertInvalidToken(refused);
        assertEquals("The token has been revoked", DemoClient.json(refused).getString("detail"));

        HttpResponse<String> sameSession = client.get("protected", bearer(endedRefreshed.access()));
        assertInvalidToken(sameSession);
        assertEquals("The token has been revoked", DemoClient.json(sameSession).getString("detail"));
        HttpResponse<String> otherSession = client.get("protected", bearer(other.access()));
        assertEquals(200, otherSession.statusCode(), "revoked by sid, not by subject: " + otherSession.body());
    }

    /** Issued by Keycloak within the fresh window after the login: else the code exchange was too slow for the test. */
    private static void assertFreshlyIssued(Tokens tokens) {
        long after = tokens.issuedAt() - tokens.authTime();
        assertTrue(after >= 0 && after <= WINDOW_SECONDS, "issued " + after + " s after the login; the fresh window is "
                + WINDOW_SECONDS + " s");
    }

    /**
     * Keycloak's refresh grant, again, until it issues a token more than the fresh window after the login: the tokens of
     * the refreshes within the window still count as fresh (the window is all that tells them apart from the login's),
     * and the demo is asked to confirm that for each.
     */
    private Tokens refreshPastTheWindow(Tokens login) {
        Instant deadline = Instant.now().plusSeconds(WINDOW_SECONDS + 30);
        Tokens refreshed = REALM.refresh(login);
        while (refreshed.issuedAt() - refreshed.authTime() <= WINDOW_SECONDS) {
            HttpResponse<String> within = client.get("sensitive_operation", bearer(refreshed.access()));
            assertEquals(200, within.statusCode(), "refreshed " + (refreshed.issuedAt() - refreshed.authTime())
                    + " s after the login, within the window: " + within.body());
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Keycloak's tokens never left the fresh window");
            }
            refreshed = REALM.refresh(refreshed);
        }
        assertEquals(login.authTime(), refreshed.authTime(), "the refresh grant keeps the login's auth_time");
        return refreshed;
    }

    private static Refusal assertNewLoginRequired(HttpResponse<String> response) {
        Refusal refusal = assertStepUpRequired(response);
        assertEquals(NEW_LOGIN, refusal.challenge());
        assertEquals("A fresh login is required: the token was not issued right after the login", refusal.problem().get("detail"));
        return refusal;
    }

    /** What a client forwards of a step-up challenge to the authorization endpoint (RFC 9470 §4). */
    private static Map<String, String> parametersOf(Refusal refusal) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : List.of("max_age", "acr_values")) {
            String value = refusal.challengeParameter(name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    private String backChannelLogoutUrl() {
        return client.base().resolve("backchannel-logout").toString();
    }

    private static Path artifacts() {
        return Path.of("target", "keycloak", System.getProperty("arquillian.launch", "server"));
    }
}
