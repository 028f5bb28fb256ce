package dev.freshjwt.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.testing.TestKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JWKS at freshjwt.sign.key.location during a key rotation: which key signs, which only verify, and what fails. */
class SigningKeySetTest {

    private static final String LOCATION = "file:/secrets/signing.jwks";
    private static final KeyPair OLD = TestKeys.rsa();
    private static final KeyPair NEW = TestKeys.otherRsa();

    @TempDir
    Path folder;

    @Test
    void theNamedKeySignsAndTheOthersVerifyInTheOrderOfTheSet() throws Exception {
        KeyPair oldest = TestKeys.generate("RSA", 2048);
        String set = set(privateJwk(oldest, "oldest"), privateJwk(OLD, "old"), privateJwk(NEW, "new"));
        List<SigningKey> keys = SigningKeySet.read(LOCATION, set, Optional.of("new"), Optional.empty());
        assertEquals(List.of("new", "oldest", "old"), keys.stream().map(SigningKey::keyId).toList());
        assertEquals(NEW.getPrivate(), keys.get(0).privateKey());
        assertEquals(List.of("RS256", "RS256", "RS256"), keys.stream().map(SigningKey::algorithm).toList());

        JsonWebKeySet published = new JsonWebKeySet(Jwks.of(keys));
        assertEquals(List.of("new", "oldest", "old"), published.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList());
        assertEquals(OLD.getPublic(), ((PublicJsonWebKey) published.getJsonWebKeys().get(2)).getPublicKey());
        assertTrue(!Jwks.of(keys).contains("\"d\""), "public members only");
    }

    @Test
    void theOnlyPrivateKeySignsWithoutAnIdAndPublicOnlyEntriesVerify() throws Exception {
        String set = set(publicJwk(OLD, "retiring"), privateJwk(NEW, "current"));
        List<SigningKey> keys = SigningKeySet.read(LOCATION, set, Optional.empty(), Optional.empty());
        assertEquals(List.of("current", "retiring"), keys.stream().map(SigningKey::keyId).toList());
        assertNull(keys.get(1).privateKey());
        assertEquals(OLD.getPublic(), keys.get(1).publicKey());
    }

    /** A key that signed as PEM had its thumbprint as kid: in a set without a kid it keeps it, so its tokens verify. */
    @Test
    void anEntryWithoutKidIsKnownByItsThumbprintAsItsPemKeyWas() throws Exception {
        PublicJsonWebKey formerPem = PublicJsonWebKey.Factory.newPublicJwk(OLD.getPublic());
        String set = set(formerPem.toJson(), privateJwk(NEW, "new"));
        List<SigningKey> keys = SigningKeySet.read(LOCATION, set, Optional.of("new"), Optional.empty());
        Path pem = TestKeys.write(folder, "old.pem", TestKeys.privatePem(OLD));
        String pemKid = SigningKeyLoader.load(pem.toString(), Optional.empty(), Optional.empty(), getClass().getClassLoader())
                .keyId();
        assertEquals(pemKid, keys.get(1).keyId());
    }

    @Test
    void aKeyThatOnlyVerifiesKeepsTheAlgorithmItsJwkNamesElseTheConfiguredOne() throws Exception {
        PublicJsonWebKey old = PublicJsonWebKey.Factory.newPublicJwk(OLD.getPublic());
        old.setKeyId("old");
        old.setAlgorithm("RS384");
        String set = set(old.toJson(), publicJwk(TestKeys.generate("RSA", 2048), "older"), privateJwk(NEW, "new"));
        List<SigningKey> keys = SigningKeySet.read(LOCATION, set, Optional.of("new"), Optional.of("RS512"));
        assertEquals(List.of("RS512", "RS384", "RS512"), keys.stream().map(SigningKey::algorithm).toList());
    }

    @Test
    void severalPrivateKeysWithoutAnIdFailNamingTheKeyToSet() {
        String message = failure(set(privateJwk(OLD, "old"), privateJwk(NEW, "new")), Optional.empty());
        assertTrue(message.contains("2 private keys (kid old, new)") && message.contains("set freshjwt.sign.key.id"), message);
        assertTrue(message.contains(LOCATION), message);
    }

    @Test
    void anIdThatIsNotInTheSetFailsListingTheKidsThatAre() {
        String message = failure(set(privateJwk(OLD, "old"), privateJwk(NEW, "new")), Optional.of("newest"));
        assertTrue(message.startsWith("freshjwt.sign.key.id=newest names no key of freshjwt.sign.key.location="), message);
        assertTrue(message.contains("kid old, new"), message);
    }

    @Test
    void anActiveKeyWithoutItsPrivatePartFails() {
        String message = failure(set(privateJwk(OLD, "old"), publicJwk(NEW, "new")), Optional.of("new"));
        assertTrue(message.startsWith("freshjwt.sign.key.id=new names a public key only"), message);
        assertTrue(failure(set(publicJwk(OLD, "old")), Optional.empty()).contains("holds no private RSA or EC key"));
    }

    @Test
    void twoKeysWithOneKidFail() {
        String message = failure(set(publicJwk(OLD, "k"), privateJwk(NEW, "k")), Optional.of("k"));
        assertTrue(message.contains("two keys with kid 'k'"), message);
    }

    @Test
    void aBadKeyThatOnlyVerifiesFailsNamingItsKid() throws Exception {
        String weak = failure(set(privateJwk(NEW, "new"), publicJwk(TestKeys.generate("RSA", 1024), "weak")), Optional.of("new"));
        assertTrue(weak.startsWith("The key with kid 'weak' of freshjwt.sign.key.location=") && weak.contains("2048"), weak);

        PublicJsonWebKey mismatched = PublicJsonWebKey.Factory.newPublicJwk(OLD.getPublic());
        mismatched.setPrivateKey(TestKeys.generate("RSA", 2048).getPrivate());
        mismatched.setKeyId("next");
        String halves = failure(set(privateJwk(NEW, "new"), mismatched.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)),
                Optional.of("new"));
        assertTrue(halves.startsWith("The key with kid 'next' of freshjwt.sign.key.location="), halves);

        OctetSequenceJsonWebKey secret = new OctetSequenceJsonWebKey(new SecretKeySpec(new byte[32], "HmacSHA256"));
        secret.setKeyId("hmac");
        String symmetric = failure(set(privateJwk(NEW, "new"), secret.toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC)),
                Optional.of("new"));
        assertTrue(symmetric.contains("type oct (kid 'hmac')"), symmetric);
    }

    private static String failure(String set, Optional<String> keyId) {
        return assertThrows(InvalidConfigurationException.class,
                () -> SigningKeySet.read(LOCATION, set, keyId, Optional.empty())).getMessage();
    }

    private static String set(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    private static String privateJwk(KeyPair pair, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            jwk.setKeyId(kid);
            return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicJwk(KeyPair pair, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(kid);
            return jwk.toJson();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
