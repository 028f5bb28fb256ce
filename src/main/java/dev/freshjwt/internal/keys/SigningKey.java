package dev.freshjwt.internal.keys;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The key tokens are signed with, its public half, its {@code kid} and the JWS algorithm. Immutable.
 *
 * @param privateKey signs tokens
 * @param publicKey verifies them; published in the JWKS
 * @param keyId the {@code kid} header of minted tokens
 * @param algorithm the JWS {@code alg}, e.g. {@code RS256}
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId, String algorithm) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", alg=" + algorithm + "]";
    }
}
