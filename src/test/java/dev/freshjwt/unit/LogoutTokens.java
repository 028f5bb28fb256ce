package dev.freshjwt.unit;

import java.security.Key;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Logout tokens as an OpenID provider (Keycloak) sends them to a back-channel logout URL: {@code typ: logout+jwt}, {@code
 * iss}, {@code aud}, {@code iat}, {@code exp} two minutes later, a {@code jti}, the back-channel logout event; the test
 * adds {@code sid} and/or {@code sub}, and breaks what it wants.
 */
public final class LogoutTokens {

    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtClaims claims = new JwtClaims();
    private Key key;
    private String algorithm = "RS256";

    private LogoutTokens(String issuer, String audience, Instant issuedAt, Key key) {
        this.key = key;
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setClaim("iat", issuedAt.getEpochSecond());
        claims.setClaim("exp", issuedAt.getEpochSecond() + 120);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("events", Map.of(EVENT, Map.of()));
    }

    /** A logout token of {@code issuer} for the client {@code audience}, issued at {@code issuedAt}, signed RS256 by {@code key}. */
    public static LogoutTokens of(String issuer, String audience, Instant issuedAt, Key key) {
        return new LogoutTokens(issuer, audience, issuedAt, key);
    }

    public LogoutTokens sid(String sessionId) {
        return claim("sid", sessionId);
    }

    public LogoutTokens sub(String subject) {
        return claim("sub", subject);
    }

    public LogoutTokens claim(String name, Object value) {
        claims.setClaim(name, value);
        return this;
    }

    public LogoutTokens without(String name) {
        claims.unsetClaim(name);
        return this;
    }

    /** Signs with {@code other} and its {@code algorithm} instead ({@code "none"} with a {@code null} key: unsigned). */
    public LogoutTokens signedWith(Key other, String otherAlgorithm) {
        this.key = other;
        this.algorithm = otherAlgorithm;
        return this;
    }

    public String sign() {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setHeader("typ", "logout+jwt");
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        if (key != null) {
            jws.setKey(key);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
