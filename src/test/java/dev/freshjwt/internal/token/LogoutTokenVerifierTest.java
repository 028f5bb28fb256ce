package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.InvalidLogoutTokenException;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.LogoutTokens;
import dev.freshjwt.unit.MapConfig;
import dev.freshjwt.unit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class LogoutTokenVerifierTest {

    private static final String ISSUER = "https://idp.example/realms/demo";
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final LogoutTokenVerifier verifier = LogoutTokenVerifier.load(MapConfig.of(
            "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa()),
            "freshjwt.provider.client-id", "app", "mp.jwt.verify.clock.skew", "60"), getClass().getClassLoader(), clock);

    private static LogoutTokens token() {
        return LogoutTokens.of(ISSUER, "app", NOW, TestKeys.rsa().getPrivate());
    }

    @Test
    void aValidLogoutTokenNamesItsSessionAndSubject() {
        LogoutToken token = verifier.verify(token().sid("s1").sub("alice").claim("jti", "j1").sign());
        assertEquals(new LogoutToken("j1", "s1", "alice", NOW.plusSeconds(120 + 60)), token);
    }

    @Test
    void aSessionOrASubjectAloneIsEnough() {
        assertNull(verifier.verify(token().sid("s1").sign()).subject());
        assertNull(verifier.verify(token().sub("alice").sign()).sessionId());
    }

    @Test
    void aTokenWithoutExpIsRememberedForTheMaximumAge() {
        LogoutToken token = verifier.verify(token().sid("s1").without("exp").sign());
        assertEquals(NOW.plus(LogoutTokenVerifier.MAX_AGE).plusSeconds(60), token.rememberUntil());
    }

    @Test
    void anAudienceListContainingTheClientIdPasses() {
        assertEquals("s1", verifier.verify(token().sid("s1").claim("aud", List.of("other", "app")).sign()).sessionId());
    }

    @Test
    void mpJwtVerifyAudiencesIsTheDefaultClientId() {
        LogoutTokenVerifier byAudiences = LogoutTokenVerifier.load(MapConfig.of("mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa()), "mp.jwt.verify.audiences", "x, app"),
                getClass().getClassLoader(), clock);
        assertEquals("s1", byAudiences.verify(token().sid("s1").sign()).sessionId());
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertRefused("The logout token's signature is not the provider's",
                token().sid("s1").signedWith(TestKeys.otherRsa().getPrivate(), "RS256").sign());
    }

    @Test
    void algNoneAndSharedSecretsAreRefused() {
        assertRefused("The logout token is not signed with an accepted algorithm", token().sid("s1").signedWith(null, "none").sign());
        HmacKey secret = new HmacKey("a shared secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8));
        assertRefused("The logout token is not signed with an accepted algorithm",
                token().sid("s1").signedWith(secret, "HS256").sign());
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused("The logout token is not from the expected issuer", token().sid("s1").claim("iss", "https://evil").sign());
    }

    @Test
    void anotherAudienceOrNoneIsRefused() {
        assertRefused("The logout token is not meant for this application (aud)", token().sid("s1").claim("aud", "other").sign());
        assertRefused("The logout token is not meant for this application (aud)", token().sid("s1").without("aud").sign());
    }

    @Test
    void aTokenWithoutTheLogoutEventIsRefused() {
        String notLogout = "The token is not a logout token: its events claim lacks " + LogoutTokens.EVENT;
        assertRefused(notLogout, token().sid("s1").without("events").sign());
        assertRefused(notLogout, token().sid("s1").claim("events", Map.of("http://example/other", Map.of())).sign());
        assertRefused(notLogout, token().sid("s1").claim("events", Map.of(LogoutTokens.EVENT, "yes")).sign());
        assertRefused(notLogout, token().sid("s1").claim("events", "logout").sign());
    }

    @Test
    void aNonceIsRefused() {
        assertRefused("A logout token must not carry a nonce", token().sid("s1").claim("nonce", "n").sign());
    }

    @Test
    void neitherSessionNorSubjectIsRefused() {
        assertRefused("The logout token names neither a session (sid) nor a subject (sub)", token().sign());
        assertRefused("The logout token names neither a session (sid) nor a subject (sub)", token().sid("").sign());
    }

    @Test
    void aTokenWithoutJtiOrIatIsRefused() {
        assertRefused("The logout token lacks iat or jti", token().sid("s1").without("jti").sign());
        assertRefused("The logout token lacks iat or jti", token().sid("s1").without("iat").sign());
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheSkew() {
        String token = token().sid("s1").sign();
        clock.advance(Duration.ofSeconds(120 + 60 - 1));
        assertEquals("s1", verifier.verify(token).sessionId());
        clock.advance(Duration.ofSeconds(1));
        assertRefused("The logout token has expired", token);
    }

    @Test
    void aTokenWithoutExpIsRefusedOnceTooOld() {
        String token = token().sid("s1").without("exp").sign();
        clock.advance(LogoutTokenVerifier.MAX_AGE.plusSeconds(61));
        assertRefused("The logout token is too old (iat)", token);
    }

    @Test
    void aTokenFromTheFutureBeyondTheSkewIsRefused() {
        assertEquals("s1", verifier.verify(LogoutTokens.of(ISSUER, "app", NOW.plusSeconds(60), TestKeys.rsa().getPrivate())
                .sid("s1").sign()).sessionId());
        assertRefused("The logout token is issued in the future (iat)",
                LogoutTokens.of(ISSUER, "app", NOW.plusSeconds(61), TestKeys.rsa().getPrivate()).sid("s1").sign());
    }

    @Test
    void garbageMissingAndHugeInputAreRefused() {
        assertRefused("The logout_token parameter is missing", null);
        assertRefused("The logout_token parameter is missing", " ");
        assertRefused("The logout token is not a valid JWT signed by the provider", "not.a.jwt");
        assertRefused("The logout token is not a valid JWT signed by the provider", "garbage");
        String encodedNonsense = Base64.getUrlEncoder().encodeToString("{\"alg\":\"RS256\"".getBytes(StandardCharsets.UTF_8));
        assertRefused("The logout token is not a valid JWT signed by the provider", encodedNonsense + ".e30.c2ln");
        assertRefused("The logout token is too long", "a".repeat(LogoutTokenVerifier.MAX_LENGTH + 1));
    }

    @Test
    void overlongIdentifiersAreRefused() {
        assertRefused("The logout token's jti, sid or sub is longer than 200 characters",
                token().sid("s".repeat(201)).sign());
    }

    @Test
    void claimsOfTheWrongTypeAreRefused() {
        InvalidLogoutTokenException refused = assertThrows(InvalidLogoutTokenException.class,
                () -> verifier.verify(token().claim("sid", 42).sign()));
        assertEquals(400, refused.getResponse().getStatus());
    }

    @Test
    void theRefusalIsTheSpecificationsErrorResponse() {
        InvalidLogoutTokenException refused = assertThrows(InvalidLogoutTokenException.class,
                () -> verifier.verify(token().sid("s1").claim("nonce", "n").sign()));
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals("no-store", refused.getResponse().getHeaderString("Cache-Control"));
        assertEquals("application/json", refused.getResponse().getMediaType().toString());
        assertEquals("{\"error\":\"invalid_request\",\"error_description\":\"A logout token must not carry a nonce\"}",
                refused.getResponse().getEntity());
    }

    @Test
    void aMissingClientIdOrIssuerFailsNamingTheKey() {
        InvalidConfigurationException noClient = assertThrows(InvalidConfigurationException.class, () -> LogoutTokenVerifier.load(
                MapConfig.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa())),
                getClass().getClassLoader(), clock));
        assertTrue(noClient.getMessage().endsWith("set freshjwt.provider.client-id"), noClient.getMessage());
        InvalidConfigurationException noIssuer = assertThrows(InvalidConfigurationException.class, () -> LogoutTokenVerifier.load(
                MapConfig.of("freshjwt.provider.client-id", "app", "mp.jwt.verify.publickey", TestKeys.publicPem(TestKeys.rsa())),
                getClass().getClassLoader(), clock));
        assertTrue(noIssuer.getMessage().endsWith("set mp.jwt.verify.issuer"), noIssuer.getMessage());
        InvalidConfigurationException noKey = assertThrows(InvalidConfigurationException.class, () -> LogoutTokenVerifier.load(
                MapConfig.of("freshjwt.provider.client-id", "app", "mp.jwt.verify.issuer", ISSUER),
                getClass().getClassLoader(), clock));
        assertTrue(noKey.getMessage().contains("mp.jwt.verify.publickey.location"), noKey.getMessage());
    }

    @Test
    void aRemoteJwksIsNotFetchedAtDeployment() {
        LogoutTokenVerifier remote = LogoutTokenVerifier.load(MapConfig.of("mp.jwt.verify.issuer", ISSUER,
                "freshjwt.provider.client-id", "app", "mp.jwt.verify.publickey.location", "http://127.0.0.1:1/certs"),
                getClass().getClassLoader(), clock);
        assertRefused("The logout token is not a valid JWT signed by the provider", remote, token().sid("s1").sign());
    }

    private void assertRefused(String description, String token) {
        assertRefused(description, verifier, token);
    }

    private static void assertRefused(String description, LogoutTokenVerifier verifier, String token) {
        InvalidLogoutTokenException refused = assertThrows(InvalidLogoutTokenException.class, () -> verifier.verify(token));
        assertEquals(description, refused.getMessage());
    }
}
