package dev.freshjwt.it;

import dev.freshjwt.testing.TestKeys;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints tokens in the test JVM with the key the deployment trusts (or another), claim by claim: pre-dated,
 * expired, forged or odd tokens that the demo's own endpoints would never hand out.
 */
final class TestTokens {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private PrivateKey key = TestKeys.rsa().getPrivate();
    private Object keyId;

    private TestTokens(String type, Instant now) {
        claims.put("iss", Deployments.ISSUER);
        claims.put("sub", "test");
        claims.put("upn", "test");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(900).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("type", type);
    }

    /** A fresh access token of user {@code test} who logged in at {@code authTime}. */
    static TestTokens freshAccess(Instant authTime) {
        TestTokens token = new TestTokens("access", Instant.now());
        token.claims.put("groups", List.of("user"));
        token.claims.put("fresh", true);
        token.claims.put("auth_time", authTime.getEpochSecond());
        return token;
    }

    static TestTokens refresh() {
        TestTokens token = new TestTokens("refresh", Instant.now());
        token.claims.put("access_groups", List.of("user"));
        token.claims.put("auth_time", Instant.now().getEpochSecond());
        return token;
    }

    TestTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    TestTokens without(String name) {
        claims.remove(name);
        return this;
    }

    TestTokens signedWith(PrivateKey other) {
        this.key = other;
        return this;
    }

    /** Names the signing key in the {@code kid} header (normally a string; anything else is an odd token). */
    TestTokens keyId(Object kid) {
        this.keyId = kid;
        return this;
    }

    String sign() {
        JwtClaims jwt = new JwtClaims();
        claims.forEach(jwt::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue("RS256");
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.getHeaders().setObjectHeaderValue("kid", keyId);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
