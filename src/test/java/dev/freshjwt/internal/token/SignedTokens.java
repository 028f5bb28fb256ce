package dev.freshjwt.internal.token;

import java.security.PrivateKey;
import java.time.Instant;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Minimal signed tokens for the verifiers' unit tests. */
final class SignedTokens {

    private SignedTokens() {
    }

    /**
     * A token for {@code alice} from {@code issuer}, expiring in {@code expiresIn} seconds, signed RS256 with
     * {@code key}, with {@code kid} in its header unless {@code null}.
     */
    static String rs256(PrivateKey key, String issuer, long expiresIn, String kid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("alice");
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + expiresIn));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue("RS256");
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
