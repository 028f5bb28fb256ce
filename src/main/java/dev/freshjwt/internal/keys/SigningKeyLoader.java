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
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/** Turns the configured key location into a checked {@link SigningKey}. */
public final class SigningKeyLoader {

    private SigningKeyLoader() {
    }

    /**
     * @param location the value of {@code freshjwt.sign.key.location}
     * @param keyId the configured {@code kid}, if any
     * @param algorithm the configured algorithm, if any
     * @param loader where classpath locations are looked up
     * @throws InvalidConfigurationException when the key cannot be read, does not fit the algorithm, or its
     *     halves do not match
     */
    public static SigningKey load(String location, Optional<String> keyId, Optional<String> algorithm,
            ClassLoader loader) {
        String text = KeySource.read(location, loader).trim();
        try {
            if (text.startsWith("{")) {
                PublicJsonWebKey jwk = selectJwk(text, keyId);
                KeyPair pair = new KeyPair(jwk.getPublicKey(), jwk.getPrivateKey());
                String chosen = KeyAlgorithms.choose(pair.getPublic(), algorithm.or(() -> Optional.ofNullable(jwk.getAlgorithm())));
                return checked(pair, keyId.or(() -> Optional.ofNullable(jwk.getKeyId())).orElseGet(() -> thumbprint(jwk)), chosen);
            }
            KeyPair pair = PemKeys.read(text);
            String chosen = KeyAlgorithms.choose(pair.getPublic(), algorithm);
            return checked(pair, keyId.orElseGet(() -> thumbprint(publicJwk(pair.getPublic()))), chosen);
        } catch (JoseException e) {
            throw new InvalidConfigurationException(SIGN_KEY_LOCATION + "=" + location
                    + " is not a usable private JWK or JWKS: " + e.getMessage(), e);
        }
    }

    private static PublicJsonWebKey selectJwk(String json, Optional<String> keyId) throws JoseException {
        List<JsonWebKey> keys = json.contains("\"keys\"")
                ? new JsonWebKeySet(json).getJsonWebKeys()
                : List.of(JsonWebKey.Factory.newJwk(json));
        return keys.stream()
                .filter(key -> key instanceof PublicJsonWebKey pub && pub.getPrivateKey() != null)
                .map(PublicJsonWebKey.class::cast)
                .filter(key -> keyId.isEmpty() || keyId.get().equals(key.getKeyId()))
                .findFirst()
                .orElseThrow(() -> new InvalidConfigurationException(SIGN_KEY_LOCATION + " holds no private RSA or EC key"
                        + keyId.map(id -> " with kid '" + id + "' (freshjwt.sign.key.id)").orElse("")));
    }

    /** Signs and verifies once, so a public key that does not belong to the private one fails at deployment. */
    private static SigningKey checked(KeyPair pair, String keyId, String algorithm) {
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

    private static String thumbprint(JsonWebKey jwk) {
        return jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }
}
