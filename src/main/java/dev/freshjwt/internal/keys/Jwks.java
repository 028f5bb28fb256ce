package dev.freshjwt.internal.keys;

import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** JSON Web Keys: the set that publishes the verification keys (public members only), and reading a key or a set. */
public final class Jwks {

    private Jwks() {
    }

    /**
     * @return the JWKS document, e.g. {@code {"keys":[{"kty":"RSA","kid":"…","use":"sig","alg":"RS256","n":"…","e":"AQAB"}]}}
     */
    public static String of(SigningKey key) {
        return of(List.of(key));
    }

    /** Every key in the given order (the signing key first): during a key rotation, tokens of the old key still verify. */
    public static String of(List<SigningKey> keys) {
        return new JsonWebKeySet(publicJwks(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The public halves as JWKs, each with its {@code kid}, {@code use} and {@code alg}. */
    public static List<JsonWebKey> publicJwks(List<SigningKey> keys) {
        return keys.stream().<JsonWebKey>map(key -> {
            PublicJsonWebKey jwk = SigningKeyLoader.publicJwk(key.publicKey());
            jwk.setKeyId(key.keyId());
            jwk.setUse("sig");
            jwk.setAlgorithm(key.algorithm());
            return jwk;
        }).toList();
    }

    /** The keys of a JWKS document ({@code {"keys":[…]}}), or the one key of a JWK document. */
    static List<JsonWebKey> parse(String json) throws JoseException {
        return json.contains("\"keys\"") ? new JsonWebKeySet(json).getJsonWebKeys() : List.of(JsonWebKey.Factory.newJwk(json));
    }
}
