package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertMissingToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Forged, tampered, expired, odd and pre-dated tokens: every one a 401 with a Bearer challenge, never a 500. */
class RejectedTokensIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void tamperedPayloadThatClaimsFreshnessIsRefused() {
        String refreshed = DemoClient.json(client.post("refresh", bearer(client.login().getString("refresh_token")), null, null))
                .getString("access_token");
        String[] parts = refreshed.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"fresh\":false"), payload);
        String forged = parts[0] + "." + B64.encodeToString(payload.replace("\"fresh\":false", "\"fresh\":true")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertInvalidToken(client.get("sensitive_operation", bearer(forged)));
        assertInvalidToken(client.get("protected", bearer(forged)));
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String payload = Deployments.freshAccess(Instant.now()).sign().split("\\.")[1];
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalidToken(client.get("sensitive_operation", bearer(header + "." + payload + ".")));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        String forged = Deployments.freshAccess(Instant.now()).forged().sign();
        assertInvalidToken(client.get("sensitive_operation", bearer(forged)));
    }

    /**
     * With one PEM key, which has no {@code kid}, every server verifies a token with it whatever {@code kid} the token
     * names (a key rotation's JWKS is another matter: {@code KeyRotationIT}); the {@code kid} of our own key does not
     * make a forgery pass.
     */
    @Test
    void withOnePemKeyTheKidATokenNamesDoesNotMatter() throws Exception {
        assertEquals(200, client.get("protected", bearer(Deployments.freshAccess(Instant.now()).keyId("any-kid").sign()))
                .statusCode());
        assertEquals(200, client.post("refresh", bearer(Deployments.refresh().keyId("any-kid").sign()), null, null)
                .statusCode());
        JsonWebSignature minted = new JsonWebSignature();
        minted.setCompactSerialization(client.login().getString("access_token"));
        String forged = Deployments.freshAccess(Instant.now()).keyId(minted.getKeyIdHeaderValue())
                .forged().sign();
        assertInvalidToken(client.get("protected", bearer(forged)));
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = Deployments.freshAccess(Instant.now().minus(Duration.ofHours(2)))
                .claim("iat", Instant.now().minus(Duration.ofHours(2)).getEpochSecond())
                .claim("exp", Instant.now().minus(Duration.ofHours(1)).getEpochSecond()).sign();
        assertInvalidToken(client.get("protected", bearer(expired)));
    }

    @Test
    void garbageAuthorizationValuesGetABearerChallenge() {
        String valid = client.login().getString("access_token");
        for (String authorization : new String[] {"Bearer garbage", "Bearer a.b.c", "Bearer ", "bearer " + valid,
                "BEARER " + valid, "Bearer " + valid.substring(0, valid.length() - 4), "Basic dGVzdDp0ZXN0", "x"}) {
            HttpResponse<String> response = client.get("protected", authorization);
            if (authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
                assertInvalidToken(response);
            } else {
                assertMissingToken(response);
            }
        }
    }

    @Test
    void badBearerTokenIsRefusedEvenOnTheOpenLoginEndpoint() {
        assertInvalidToken(client.post("login", "Bearer garbage", "application/json",
                "{\"username\":\"test\",\"password\":\"test\"}"));
    }

    @Test
    void unknownTokenTypeIsRefused() {
        assertInvalidToken(client.get("protected", bearer(Deployments.freshAccess(Instant.now()).claim("type", "id").sign())));
    }

    @Test
    void freshClaimOfAnOddTypeIsNotFreshAndNoServerError() {
        for (Object odd : new Object[] {"yes", 1, "TRUE"}) {
            assertStepUpRequired(client.get("sensitive_operation", bearer(Deployments.freshAccess(Instant.now()).claim("fresh", odd).sign())));
        }
        // Without the claim at all, a token is judged as an OpenID provider's (ProviderTokensIT): by how long after
        // auth_time it was issued. Ten minutes after is not fresh.
        assertStepUpRequired(client.get("sensitive_operation",
                bearer(Deployments.freshAccess(Instant.now().minus(Duration.ofMinutes(10))).without("fresh").sign())));
    }

    @Test
    void loginTenMinutesAgoPassesFreshRequiredButNotMaxAgeOfFiveMinutes() {
        String tenMinutes = bearer(Deployments.freshAccess(Instant.now().minus(Duration.ofMinutes(10))).sign());
        assertEquals(200, client.get("sensitive_operation", tenMinutes).statusCode());
        HttpResponse<String> response = client.post("account/password", tenMinutes, null, null);
        assertStepUpRequired(response);
        assertEquals(300, DemoClient.json(response).getInt("max_age"));
    }

    @Test
    void loginFourMinutesAgoMeetsMaxAgeOfFiveMinutes() {
        String fourMinutes = bearer(Deployments.freshAccess(Instant.now().minus(Duration.ofMinutes(4))).sign());
        assertPastThePasswordChangesGuard(client.post("account/password", fourMinutes, null, null));
    }

    @Test
    void freshTokenWithoutAuthTimeCannotMeetMaxAge() {
        String noAuthTime = bearer(Deployments.freshAccess(Instant.now()).without("auth_time").sign());
        assertEquals(200, client.get("sensitive_operation", noAuthTime).statusCode());
        assertStepUpRequired(client.post("account/password", noAuthTime, null, null));
    }

    @Test
    void refreshTokenMintedWithGroupsIsStillRefusedAtProtected() {
        String sneaky = Deployments.refresh().claim("groups", java.util.List.of("user")).sign();
        assertInvalidToken(client.get("protected", bearer(sneaky)));
    }
}
