package dev.freshjwt.internal.keys;

import static dev.freshjwt.FreshJwtConfig.SIGN_KEY_LOCATION;

import dev.freshjwt.InvalidConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/** Turns the configured key location into checked {@link SigningKey}s. */
public final class SigningKeyLoader {

    private SigningKeyLoader() {
    }

    /**
     * The key that signs: the first of {@link #loadAll}.
     *
     * @throws InvalidConfigurationException as {@link #loadAll}
     */
    public static SigningKey load(String location, Optional<String> keyId, Optional<String> algorithm,
            ClassLoader loader) {
        return loadAll(location, keyId, algorithm, loader).get(0);
    }

    /**
     * Every key of {@code freshjwt.sign.key.location}, the one that signs first. A PEM file or a private JWK holds one
     * key. A JWKS may hold several (key rotation): {@code freshjwt.sign.key.id} names the one that signs, and must when
     * the set holds more than one private key; the others, public-only entries included, only verify.
     *
     * @param location the value of {@code freshjwt.sign.key.location}
     * @param keyId the configured {@code kid}, if any
     * @param algorithm the configured algorithm, if any
     * @param loader where classpath locations are looked up
     * @throws InvalidConfigurationException naming the key to fix when a key cannot be read, does not fit the
     *     algorithm, or its halves do not match, and when a JWKS leaves the signing key unclear
     */
    public static List<SigningKey> loadAll(String location, Optional<String> keyId, Optional<String> algorithm,
            ClassLoader loader) {
        String text = KeySource.read(location, loader).trim();
        if (text.startsWith("{")) {
            return SigningKeySet.read(location, text, keyId, algorithm);
        }
        KeyPair pair = PemKeys.read(text);
        String chosen = KeyAlgorithms.choose(pair.getPublic(), algorithm);
        return List.of(checked(pair, keyId.orElseGet(() -> thumbprint(publicJwk(pair.getPublic()))), chosen));
    }

    /** Signs and verifies once, so a public key that does not belong to the private one fails at deployment. */
    static SigningKey checked(KeyPair pair, String keyId, String algorithm) {
        String jca = switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            case "RS512" -> "SHA512withRSA";
            case "ES256" -> "SHA256withECDSA";
            case "ES384" -> "SHA384withECDSA";
            default -> "SHA512withECDSA";
        };
        try {
            byte[] probe = {1, 2, 3};
            Signature signer = Signature.getInstance(jca);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new InvalidConfigurationException(
                        SIGN_KEY_LOCATION + ": the public key does not belong to the private key");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(SIGN_KEY_LOCATION + ": the key cannot sign with " + algorithm, e);
        }
        return new SigningKey(pair.getPrivate(), pair.getPublic(), keyId, algorithm);
    }

    static PublicJsonWebKey publicJwk(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key);
        } catch (JoseException e) {
            throw new InvalidConfigurationException(SIGN_KEY_LOCATION + ": unsupported public key", e);
        }
    }

    static String thumbprint(JsonWebKey jwk) {
        return jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }
}
