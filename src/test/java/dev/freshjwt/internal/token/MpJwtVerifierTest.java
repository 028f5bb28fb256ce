package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** Verifying bearer tokens as MicroProfile JWT does, from the standard mp.jwt.verify.* keys (Open Liberty with cookies). */
class MpJwtVerifierTest {

    private static final KeyPair KEYS = TestKeys.rsa();
    private static final String ISSUER = "https://issuer.test";

    @Test
    void verifiesWithAPemKeyTheIssuerAndTheExpiry() {
        MpJwtVerifier verifier = MpJwtVerifier.load(MapConfig.of("mp.jwt.verify.publickey", TestKeys.publicPem(KEYS),
                "mp.jwt.verify.issuer", ISSUER), getClass().getClassLoader());
        assertEquals("alice", verifier.verify(token(KEYS.getPrivate(), ISSUER, 60, null)).orElseThrow().getClaimValue("sub"));
        assertTrue(verifier.verify(token(TestKeys.otherRsa().getPrivate(), ISSUER, 60, null)).isEmpty());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), "https://elsewhere", 60, null)).isEmpty());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), ISSUER, -3600, null)).isEmpty());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), ISSUER, -30, null)).isPresent(), "within the 60 s of skew");
        assertTrue(verifier.verify("garbage").isEmpty());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), ISSUER, 60, "any-kid")).isPresent(), "a PEM key has no kid");
    }

    @Test
    void aJwksPicksTheKeyByKid() throws Exception {
        PublicJsonWebKey ours = PublicJsonWebKey.Factory.newPublicJwk(KEYS.getPublic());
        ours.setKeyId("ours");
        PublicJsonWebKey other = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.otherRsa().getPublic());
        other.setKeyId("other");
        MpJwtVerifier verifier = MpJwtVerifier.load(MapConfig.of("mp.jwt.verify.publickey",
                new JsonWebKeySet(ours, other).toJson(), "mp.jwt.verify.issuer", ISSUER), getClass().getClassLoader());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), ISSUER, 60, "ours")).isPresent());
        assertTrue(verifier.verify(token(TestKeys.otherRsa().getPrivate(), ISSUER, 60, "other")).isPresent());
        assertTrue(verifier.verify(token(KEYS.getPrivate(), ISSUER, 60, "other")).isEmpty());
    }

    @Test
    void missingOrBadSettingsNameTheirKey() {
        var none = assertThrows(InvalidConfigurationException.class, () -> MpJwtVerifier.load(
                MapConfig.of("mp.jwt.verify.issuer", ISSUER), getClass().getClassLoader()));
        assertTrue(none.getMessage().contains("mp.jwt.verify.publickey.location"), none.getMessage());
        var bad = assertThrows(InvalidConfigurationException.class, () -> MpJwtVerifier.load(
                MapConfig.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", "not a key"), getClass().getClassLoader()));
        assertTrue(bad.getMessage().contains("mp.jwt.verify.publickey"), bad.getMessage());
        var missing = assertThrows(InvalidConfigurationException.class, () -> MpJwtVerifier.load(
                MapConfig.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey.location", "no/such.pem"),
                getClass().getClassLoader()));
        assertTrue(missing.getMessage().contains("mp.jwt.verify.publickey.location"), missing.getMessage());
        var algorithm = assertThrows(InvalidConfigurationException.class, () -> MpJwtVerifier.load(
                MapConfig.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey", TestKeys.publicPem(KEYS),
                        "mp.jwt.verify.publickey.algorithm", "HS256"), getClass().getClassLoader()));
        assertTrue(algorithm.getMessage().contains("mp.jwt.verify.publickey.algorithm"), algorithm.getMessage());
    }

    private static String token(PrivateKey key, String issuer, long expiresIn, String kid) {
        return SignedTokens.rs256(key, issuer, expiresIn, kid);
    }
}
