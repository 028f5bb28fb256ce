package dev.freshjwt.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.testing.TestKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyLoaderTest {

    private static final ClassLoader LOADER = SigningKeyLoaderTest.class.getClassLoader();

    @TempDir
    Path folder;

    @Test
    void rsaPkcs8PemSignsWithRs256AndAThumbprintKid() throws Exception {
        KeyPair pair = TestKeys.rsa();
        SigningKey key = load(TestKeys.privatePem(pair), Optional.empty(), Optional.empty());
        assertEquals("RS256", key.algorithm());
        assertEquals(pair.getPublic(), key.publicKey());
        assertEquals(PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256"),
                key.keyId());
    }

    @Test
    void configuredKidAndAlgorithmAreUsed() {
        SigningKey key = load(TestKeys.privatePem(TestKeys.rsa()), Optional.of("k1"), Optional.of("RS512"));
        assertEquals("k1", key.keyId());
        assertEquals("RS512", key.algorithm());
    }

    @Test
    void ecPemNeedsItsPublicKeyBlock() {
        KeyPair pair = TestKeys.ec("secp256r1");
        SigningKey key = load(TestKeys.privatePem(pair) + TestKeys.publicPem(pair), Optional.empty(), Optional.empty());
        assertEquals("ES256", key.algorithm());
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.privatePem(pair), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("PUBLIC KEY"), e.getMessage());
    }

    @Test
    void publicKeyOfAnotherPairIsRefused() {
        KeyPair pair = TestKeys.ec("secp256r1");
        KeyPair other = TestKeys.ec("secp256r1");
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.privatePem(pair) + TestKeys.publicPem(other), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void privateJwkAndJwksAreRead() throws Exception {
        PublicJsonWebKey first = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.ec("secp384r1").getPublic());
        KeyPair pair = TestKeys.ec("secp384r1");
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId("mine");
        String privateJwk = jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);

        SigningKey single = load(privateJwk, Optional.empty(), Optional.empty());
        assertEquals("mine", single.keyId());
        assertEquals("ES384", single.algorithm());

        first.setKeyId("public-only");
        String jwks = "{\"keys\":[" + first.toJson() + "," + privateJwk + "]}";
        assertEquals("mine", load(jwks, Optional.of("mine"), Optional.empty()).keyId());
        assertEquals("mine", load(jwks, Optional.empty(), Optional.empty()).keyId());
        assertThrows(InvalidConfigurationException.class, () -> load(jwks, Optional.of("absent"), Optional.empty()));
    }

    @Test
    void algorithmThatDoesNotFitTheKeyIsRefused() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.privatePem(TestKeys.rsa()), Optional.empty(), Optional.of("ES256")));
        assertTrue(e.getMessage().contains("freshjwt.sign.algorithm"), e.getMessage());
    }

    @Test
    void weakRsaKeyIsRefused() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.privatePem(TestKeys.generate("RSA", 1024)), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("2048"), e.getMessage());
    }

    @Test
    void pkcs1PemIsRefusedWithTheConversionCommand() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }

    @Test
    void publicKeyAloneIsRefused() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> load(TestKeys.publicPem(TestKeys.rsa()), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
    }

    @Test
    void unreadableLocationNamesTheKey() {
        var e = assertThrows(InvalidConfigurationException.class, () -> SigningKeyLoader.load(
                folder.resolve("absent.pem").toString(), Optional.empty(), Optional.empty(), LOADER));
        assertTrue(e.getMessage().startsWith("freshjwt.sign.key.location="), e.getMessage());
        assertThrows(InvalidConfigurationException.class,
                () -> SigningKeyLoader.load("classpath:absent.pem", Optional.empty(), Optional.empty(), LOADER));
    }

    @Test
    void fileUrlsAndPlainPathsAreRead() {
        Path file = TestKeys.write(folder, "k.pem", TestKeys.privatePem(TestKeys.rsa()));
        SigningKey byUrl = SigningKeyLoader.load(file.toUri().toString(), Optional.empty(), Optional.empty(), LOADER);
        SigningKey byPath = SigningKeyLoader.load(file.toString(), Optional.empty(), Optional.empty(), LOADER);
        assertEquals(byUrl.keyId(), byPath.keyId());
    }

    @Test
    void jwksPublishesOnlyPublicMembers() throws Exception {
        SigningKey key = load(TestKeys.privatePem(TestKeys.rsa()), Optional.of("k1"), Optional.empty());
        String json = Jwks.of(key);
        JsonWebKeySet set = new JsonWebKeySet(json);
        assertEquals(1, set.getJsonWebKeys().size());
        PublicJsonWebKey published = (PublicJsonWebKey) set.getJsonWebKeys().get(0);
        assertEquals("k1", published.getKeyId());
        assertEquals("RS256", published.getAlgorithm());
        assertEquals("sig", published.getUse());
        assertEquals(key.publicKey(), published.getPublicKey());
        for (String secret : new String[] {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""}) {
            assertTrue(!json.contains(secret), json);
        }
    }

    @Test
    void aJwksFileOfSeveralKeysLoadsThemAllTheNamedOneFirst() throws Exception {
        PublicJsonWebKey old = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.rsa().getPublic());
        old.setKeyId("old");
        PublicJsonWebKey next = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.otherRsa().getPublic());
        next.setPrivateKey(TestKeys.otherRsa().getPrivate());
        next.setKeyId("new");
        Path file = TestKeys.write(folder, "rotation.jwks", new JsonWebKeySet(old, next).toJson(
                JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        List<SigningKey> keys = SigningKeyLoader.loadAll(file.toUri().toString(), Optional.of("new"), Optional.empty(), LOADER);
        assertEquals(List.of("new", "old"), keys.stream().map(SigningKey::keyId).toList());
        assertEquals(keys.get(0), SigningKeyLoader.load(file.toUri().toString(), Optional.of("new"), Optional.empty(), LOADER));
        assertEquals(null, keys.get(1).privateKey(), "a public-only entry only verifies");
    }

    private SigningKey load(String content, Optional<String> kid, Optional<String> alg) {
        Path file = TestKeys.write(folder, "key-" + System.nanoTime(), content);
        return SigningKeyLoader.load(file.toUri().toString(), kid, alg, LOADER);
    }
}
