package dev.freshjwt.internal.keys;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/** The JSON Web Key Set that publishes the verification key: public members only. */
public final class Jwks {

    private Jwks() {
    }

    /**
     * @return the JWKS document, e.g. {@code {"keys":[{"kty":"RSA","kid":"…","use":"sig","alg":"RS256","n":"…","e":"AQAB"}]}}
     */
    public static String of(SigningKey key) {
        PublicJsonWebKey jwk = SigningKeyLoader.publicJwk(key.publicKey());
        jwk.setKeyId(key.keyId());
        jwk.setUse("sig");
        jwk.setAlgorithm(key.algorithm());
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
