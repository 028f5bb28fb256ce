package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertMissingToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** The classic walkthrough: login, fresh, refresh, not fresh, step-up; and the EJB path. */
class WalkthroughIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void loginReturnsAFreshAccessTokenAndARefreshToken() {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = client.post("login", null, "application/json",
                "{\"username\":\"test\",\"password\":\"test\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject tokens = DemoClient.json(response);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(900, tokens.getInt("expires_in"));

        JsonObject access = payload(tokens.getString("access_token"));
        assertEquals("access", access.getString("type"));
        assertTrue(access.getBoolean("fresh"));
        assertEquals("test", access.getString("sub"));
        assertEquals("user", access.getJsonArray("groups").getString(0));
        assertTrue(access.getJsonNumber("auth_time").longValue() >= before);

        JsonObject refresh = payload(tokens.getString("refresh_token"));
        assertEquals("refresh", refresh.getString("type"));
        assertFalse(refresh.containsKey("groups"));
        assertFalse(refresh.containsKey("fresh"));
    }

    @Test
    void freshTokenOpensTheSensitiveOperation() {
        String access = client.login().getString("access_token");
        HttpResponse<String> response = client.get("sensitive_operation", bearer(access));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("You have access to this sensitive operation"), response.body());
        assertTrue(client.get("protected", bearer(access)).body().contains("You have access to this protected resource"));
    }

    @Test
    void refreshedTokenIsNotFreshKeepsAuthTimeAndGetsTheStepUpChallenge() {
        JsonObject login = client.login();
        HttpResponse<String> refreshed = client.post("refresh", bearer(login.getString("refresh_token")), null, null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
        String access = DemoClient.json(refreshed).getString("access_token");

        JsonObject claims = payload(access);
        assertFalse(claims.getBoolean("fresh"));
        assertEquals(payload(login.getString("access_token")).getJsonNumber("auth_time"), claims.getJsonNumber("auth_time"));

        HttpResponse<String> protectedResponse = client.get("protected", bearer(access));
        assertEquals(200, protectedResponse.statusCode(), protectedResponse.body());
        HttpResponse<String> sensitive = client.get("sensitive_operation", bearer(access));
        assertStepUpRequired(sensitive);
        assertFalse(sensitive.headers().firstValue("WWW-Authenticate").orElseThrow().contains("max_age"));
    }

    @Test
    void refreshTokenIsRefusedAsAnAccessTokenEverywhere() {
        String refresh = bearer(client.login().getString("refresh_token"));
        assertInvalidToken(client.get("protected", refresh));
        assertInvalidToken(client.get("sensitive_operation", refresh));
        assertInvalidToken(client.post("account/password", refresh, null, null));
        assertInvalidToken(client.get(".well-known/jwks.json", refresh));
    }

    @Test
    void accessTokenIsRefusedAtRefresh() {
        assertInvalidToken(client.post("refresh", bearer(client.login().getString("access_token")), null, null));
    }

    @Test
    void missingTokenGetsAPlainBearerChallenge() {
        assertMissingToken(client.get("protected", null));
        assertMissingToken(client.get("sensitive_operation", null));
        assertMissingToken(client.post("refresh", null, null, null));
    }

    @Test
    void freshRequiredOnAnEjbAnswersTheSameStepUpChallengeWithMaxAge() {
        JsonObject login = client.login();
        assertPastThePasswordChangesGuard(client.post("account/password", bearer(login.getString("access_token")), null, null));

        String refreshed = DemoClient.json(client.post("refresh", bearer(login.getString("refresh_token")), null, null))
                .getString("access_token");
        HttpResponse<String> stale = client.post("account/password", bearer(refreshed), null, null);
        assertStepUpRequired(stale);
        assertTrue(stale.headers().firstValue("WWW-Authenticate").orElseThrow().endsWith("max_age=\"300\""));
        assertEquals(300, DemoClient.json(stale).getInt("max_age"));
    }

    @Test
    void jwksPublishesTheKeyThatVerifiesOurTokens() throws Exception {
        HttpResponse<String> response = client.get(".well-known/jwks.json", null);
        assertEquals(200, response.statusCode());
        JsonWebKeySet jwks = new JsonWebKeySet(response.body());
        assertEquals(1, jwks.getJsonWebKeys().size());
        PublicJsonWebKey key = (PublicJsonWebKey) jwks.getJsonWebKeys().get(0);
        assertEquals("sig", key.getUse());
        assertEquals("RS256", key.getAlgorithm());
        for (String secret : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""}) {
            assertFalse(response.body().contains(secret), response.body());
        }

        String token = client.login().getString("access_token");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals(key.getKeyId(), jws.getKeyIdHeaderValue());
        assertEquals("JWT", jws.getHeader("typ"));
        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(key.getPublicKey())
                .setExpectedIssuer(Deployments.ISSUER.issuer()).setSkipDefaultAudienceValidation().build().processToClaims(token);
        assertEquals("test", claims.getSubject());
    }

    static JsonObject payload(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
