package dev.freshjwt.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** What the kit adds to a WAR, and the tokens it mints, read back as a server would. */
class TestIssuerTest {

    private static final TestIssuer ISSUER = TestIssuer.create("https://app.example");

    @Test
    void configureAddsTheKeyPairAndPropertiesThatOverrideTheApplicationsOwn() throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "app.war")
                .addAsResource(new StringAsset("mp.jwt.verify.issuer=https://prod.example\nfreshjwt.access-token.lifetime=PT5M\n"),
                        "META-INF/microprofile-config.properties");
        ISSUER.configure(war, "freshjwt.token.location=header,cookie");

        Properties config = new Properties();
        try (InputStream in = war.get("WEB-INF/classes/META-INF/microprofile-config.properties").getAsset().openStream()) {
            config.load(in);
        }
        assertEquals("https://app.example", config.getProperty("mp.jwt.verify.issuer"));
        assertEquals("https://app.example", config.getProperty("freshjwt.issuer"));
        assertEquals("PT5M", config.getProperty("freshjwt.access-token.lifetime"), "the application's other keys stay");
        assertEquals("header,cookie", config.getProperty("freshjwt.token.location"));
        assertEquals("freshjwt-testing/public.pem", config.getProperty("mp.jwt.verify.publickey.location"));
        assertEquals("freshjwt-testing/private.pem", config.getProperty("freshjwt.sign.key.location"));
        assertTrue(war.contains("WEB-INF/classes/freshjwt-testing/private.pem"));
        assertTrue(war.contains("WEB-INF/classes/freshjwt-testing/public.pem"));
        assertTrue(war.contains("WEB-INF/classes/dev/freshjwt/testing/RevocationServlet.class"));
    }

    @Test
    void aWarWithoutConfigurationGetsOne() {
        WebArchive war = ISSUER.configure(ShrinkWrap.create(WebArchive.class, "app.war"));
        assertTrue(war.contains("WEB-INF/classes/META-INF/microprofile-config.properties"));
        assertThrows(IllegalArgumentException.class, () -> ISSUER.configure(war, "no-equals-sign"));
    }

    @Test
    void aFreshAccessTokenIsWhatALoginMints() throws Exception {
        String token = ISSUER.accessToken("alice").groups("user").sign();
        JwtClaims claims = verifier(Duration.ZERO).processToClaims(token);
        assertEquals("https://app.example", claims.getIssuer());
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals("access", claims.getStringClaimValue("type"));
        assertEquals(Boolean.TRUE, claims.getClaimValue("fresh"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertTrue(Math.abs(claims.getIssuedAt().getValue() - claims.getClaimValue("auth_time", Long.class)) <= 1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("JWT", jws.getHeader("typ"));
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
    }

    @Test
    void aRefreshTokenCarriesTheGroupsOfItsAccessTokensAndASession() throws Exception {
        JwtClaims claims = verifier(Duration.ZERO).processToClaims(ISSUER.refreshToken("alice").groups("user").sign());
        assertEquals("refresh", claims.getStringClaimValue("type"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("access_groups"));
        assertFalse(claims.hasClaim("groups"));
        assertFalse(claims.hasClaim("fresh"));
        assertTrue(claims.hasClaim("sid"));
    }

    @Test
    void staleNotFreshAndStepUpClaimsAreSetAsAsked() throws Exception {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        JwtClaims claims = verifier(Duration.ZERO).processToClaims(ISSUER.accessToken("alice").notFresh()
                .authenticatedAt(tenMinutesAgo).acr("mfa").amr("pwd", "otp").type("access").sign());
        assertEquals(Boolean.FALSE, claims.getClaimValue("fresh"));
        assertEquals(tenMinutesAgo.getEpochSecond(), claims.getClaimValue("auth_time", Long.class));
        assertEquals("mfa", claims.getStringClaimValue("acr"));
        assertEquals(List.of("pwd", "otp"), claims.getStringListClaimValue("amr"));
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithOpenLibertysFiveMinutesOfSkew() {
        String expired = ISSUER.accessToken("alice").expired().sign();
        assertThrows(InvalidJwtException.class, () -> verifier(Duration.ofMinutes(5)).processToClaims(expired));
    }

    @Test
    void aForgedTokenFailsTheSignatureCheck() {
        String forged = ISSUER.accessToken("alice").forged().sign();
        assertThrows(InvalidJwtException.class, () -> verifier(Duration.ZERO).processToClaims(forged));
    }

    @Test
    void anEllipticCurveIssuerSignsEs256() throws Exception {
        TestIssuer ec = TestIssuer.create("https://app.example", TestKeys.ec("secp256r1"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(ec.accessToken("alice").sign());
        assertEquals("ES256", jws.getAlgorithmHeaderValue());
        jws.setKey(ec.keyPair().getPublic());
        assertTrue(jws.verifySignature());
    }

    private static JwtConsumer verifier(Duration skew) {
        return new JwtConsumerBuilder().setVerificationKey(ISSUER.keyPair().getPublic())
                .setExpectedIssuer("https://app.example").setRequireExpirationTime().setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) skew.toSeconds()).build();
    }
}
