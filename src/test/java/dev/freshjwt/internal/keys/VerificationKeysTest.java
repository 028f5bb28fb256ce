package dev.freshjwt.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import java.security.KeyPair;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/** Which of the server's keys verifies a token, as SmallRye JWT selects it; and whether it has the signing key. */
class VerificationKeysTest {

    private static final String INLINE = "mp.jwt.verify.publickey";
    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final ClassLoader LOADER = VerificationKeysTest.class.getClassLoader();

    @Test
    void theTokensKidPicksTheKeyOfASet() throws Exception {
        JsonWebKey old = jwk("old");
        JsonWebKey next = jwk("new");
        List<JsonWebKey> set = List.of(next, old);
        assertEquals(old, VerificationKeys.select(set, "old").orElseThrow());
        assertEquals(next, VerificationKeys.select(set, "new").orElseThrow());
        assertTrue(VerificationKeys.select(set, "removed").isEmpty());
        assertTrue(VerificationKeys.select(set, null).isEmpty(), "several keys and no kid: none");
    }

    @Test
    void theOnlyKeyVerifiesWhenItOrTheTokenHasNoKid() throws Exception {
        JsonWebKey pem = jwk(null);
        assertEquals(pem, VerificationKeys.select(List.of(pem), "any").orElseThrow());
        assertEquals(pem, VerificationKeys.select(List.of(pem), null).orElseThrow());
        JsonWebKey named = jwk("only");
        assertEquals(named, VerificationKeys.select(List.of(named), null).orElseThrow());
        assertTrue(VerificationKeys.select(List.of(named), "other").isEmpty());
    }

    @Test
    void aServerThatHasTheSigningKeyPasses() throws Exception {
        KeyPair pair = TestKeys.rsa();
        SigningKey signing = new SigningKey(pair.getPrivate(), pair.getPublic(), "new", "RS256");
        VerificationKeys.requireVerifiable(signing, MapConfig.of(INLINE, TestKeys.publicPem(pair)), LOADER);
        VerificationKeys.requireVerifiable(signing, MapConfig.of(INLINE, set(publicJwk(pair, "new"), jwk("old"))), LOADER);
        VerificationKeys.requireVerifiable(signing, MapConfig.of(LOCATION, "https://issuer.test/jwks"), LOADER);
        VerificationKeys.requireVerifiable(signing, MapConfig.of(), LOADER);
    }

    @Test
    void aKeyMadeActiveBeforeTheServerHasItFailsNamingTheKeys() throws Exception {
        KeyPair pair = TestKeys.rsa();
        SigningKey signing = new SigningKey(pair.getPrivate(), pair.getPublic(), "new", "RS256");
        var missing = assertThrows(InvalidConfigurationException.class, () -> VerificationKeys.requireVerifiable(signing,
                MapConfig.of(INLINE, set(jwk("old"), jwk("older"))), LOADER));
        assertEquals("freshjwt signs with the key of kid 'new', but mp.jwt.verify.publickey has no key for it (its keys:"
                + " kid old, older): the server would refuse every token. Add the key there before it signs"
                + " (freshjwt.sign.key.id)", missing.getMessage());
        var other = assertThrows(InvalidConfigurationException.class, () -> VerificationKeys.requireVerifiable(signing,
                MapConfig.of(INLINE, TestKeys.publicPem(TestKeys.otherRsa())), LOADER));
        assertTrue(other.getMessage().startsWith("freshjwt.sign.key.location and mp.jwt.verify.publickey hold different"
                + " public keys (kid 'new')"), other.getMessage());
    }

    private static String set(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson();
    }

    private static JsonWebKey publicJwk(KeyPair pair, String kid) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setKeyId(kid);
        return jwk;
    }

    private static JsonWebKey jwk(String kid) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.otherRsa().getPublic());
        jwk.setKeyId(kid);
        return jwk;
    }
}
