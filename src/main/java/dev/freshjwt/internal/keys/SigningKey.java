package dev.freshjwt.internal.keys;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A key of {@code freshjwt.sign.key.location}: the key tokens are signed with, or one that only verifies the tokens an
 * earlier key signed (key rotation); its public half, its {@code kid} and the JWS algorithm. Immutable.
 *
 * @param privateKey signs tokens; {@code null} when the configuration holds only the public half of a key that verifies
 * @param publicKey verifies them; published in the JWKS
 * @param keyId the {@code kid} header of the tokens it signs
 * @param algorithm the JWS {@code alg}, e.g. {@code RS256}
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId, String algorithm) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", alg=" + algorithm + "]";
    }
}
