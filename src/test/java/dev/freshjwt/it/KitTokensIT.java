package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.testing.Refusal;
import dev.freshjwt.testing.TestIssuer;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The test kit's promises, each row of {@link dev.freshjwt.testing.TestToken}'s table, kept on the real server: what
 * users' own tests will rely on.
 */
class KitTokensIT extends DemoIT {

    private static final TestIssuer KIT = Deployments.ISSUER;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void aFreshTokenPassesEveryGuardOfItsKind() {
        String fresh = KIT.accessToken("test").groups("user").bearer();
        assertEquals(200, client.get("protected", fresh).statusCode());
        assertEquals(200, client.get("sensitive_operation", fresh).statusCode());
        assertPastThePasswordChangesGuard(client.post("account/password", fresh, null, null));
    }

    @Test
    void aNotFreshTokenAndAStaleOneGetTheStepUp() {
        assertStepUpRequired(client.get("sensitive_operation", KIT.accessToken("test").groups("user").notFresh().bearer()));
        String tenMinutes = KIT.accessToken("test").groups("user").authenticatedAgo(Duration.ofMinutes(10)).bearer();
        assertEquals(200, client.get("sensitive_operation", tenMinutes).statusCode());
        Refusal refusal = assertStepUpRequired(client.post("account/password", tenMinutes, null, null));
        assertEquals("300", refusal.challengeParameter("max_age"));
    }

    @Test
    void anExpiredTokenIsInvalidOnEveryServer() {
        assertInvalidToken(client.get("protected", KIT.accessToken("test").groups("user").expired().bearer()));
    }

    @Test
    void aRefreshTokenRefreshesAndIsInvalidAnywhereElse() {
        String refresh = KIT.refreshToken("test").groups("user").bearer();
        assertEquals(200, client.post("refresh", refresh, null, null).statusCode());
        assertInvalidToken(client.get("protected", refresh));
    }

    @Test
    void aTokenOfAnUnknownTypeIsInvalid() {
        assertInvalidToken(client.get("protected", KIT.accessToken("test").groups("user").type("id").bearer()));
    }

    @Test
    void acrAndAmrMeetTheTransfersRequirementOrAskForIt() {
        String password = KIT.accessToken("test").groups("user").acr("password").amr("pwd").bearer();
        Refusal refusal = assertStepUpRequired(client.post("transfer", password, null, null));
        assertEquals("mfa", refusal.challengeParameter("acr_values"));
        String mfa = KIT.accessToken("test").groups("user").acr("mfa").amr("pwd", "otp").bearer();
        assertEquals(200, client.post("transfer", mfa, null, null).statusCode());
    }

    @Test
    void aForgedTokenIsInvalid() {
        assertInvalidToken(client.get("protected", KIT.accessToken("test").groups("user").forged().bearer()));
    }

    @Test
    void aTokenTheKitRevokedIsInvalidFromThenOn() {
        String token = KIT.accessToken("test").groups("user").sign();
        assertEquals(200, client.get("protected", bearer(token)).statusCode());
        KIT.revoke(base, token);
        assertInvalidToken(client.get("protected", bearer(token)));
    }
}
