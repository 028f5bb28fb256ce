package dev.freshjwt.testing;

import dev.freshjwt.FreshJwtClaims;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A token to mint, claim by claim, from a {@link TestIssuer}: it starts as the application's
 * {@link dev.freshjwt.TokenIssuer} would mint it (issuer, subject and {@code upn}, {@code iat} now, {@code exp} in 15
 * minutes, a random {@code jti}, the {@code type}, {@code auth_time} now) and each method changes one thing.
 * {@link #sign()} signs it with the issuer's key (RS256 or ES256, {@code typ: JWT}).
 *
 * <table>
 * <caption>Tokens for the usual cases (with {@code ISSUER} a {@link TestIssuer})</caption>
 * <tr><th>What</th><th>How</th><th>The server answers</th></tr>
 * <tr><td>fresh</td><td>{@code ISSUER.accessToken("alice").groups("user")}</td><td>200 everywhere</td></tr>
 * <tr><td>not fresh (after a refresh)</td><td>{@code .notFresh()}</td>
 *     <td>{@code @FreshRequired}: 401 step-up</td></tr>
 * <tr><td>stale (login N ago)</td><td>{@code .authenticatedAgo(Duration.ofMinutes(10))}</td>
 *     <td>{@code @FreshRequired(maxAge = 300)}: 401 step-up</td></tr>
 * <tr><td>expired</td><td>{@code .expired()}</td><td>401 {@code invalid_token}</td></tr>
 * <tr><td>refresh token</td><td>{@code ISSUER.refreshToken("alice").groups("user")}</td>
 *     <td>{@code @RefreshTokenRequired}: 200; anywhere else 401 {@code invalid_token}</td></tr>
 * <tr><td>unknown type</td><td>{@code .type("id")}</td><td>401 {@code invalid_token}</td></tr>
 * <tr><td>how the user logged in</td><td>{@code .acr("mfa").amr("pwd", "otp")}</td>
 *     <td>{@code @FreshRequired(acr = "mfa")}: 200</td></tr>
 * <tr><td>forged</td><td>{@code .forged()}</td><td>401 {@code invalid_token}</td></tr>
 * <tr><td>revoked</td><td>{@link TestIssuer#revoke} first</td><td>401 {@code invalid_token}</td></tr>
 * </table>
 *
 * <p>Not thread-safe: build and sign in one test.
 */
public final class TestToken {

    /** Access token lifetime of a new token: the library's default. */
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    /**
     * How far in the past {@link #expired()} puts {@code exp}: beyond every server's clock skew (Payara none by
     * default, WildFly 60 s, Open Liberty 5 minutes by default).
     */
    private static final Duration EXPIRED_SINCE = Duration.ofMinutes(10);

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final String groupsClaim;
    private PrivateKey key;
    private Object keyId;

    private TestToken(TestIssuer issuer, String subject, String type, String groupsClaim) {
        this.groupsClaim = groupsClaim;
        this.key = issuer.keyPair().getPrivate();
        Instant now = Instant.now();
        claims.put("iss", issuer.issuer());
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(FreshJwtClaims.TYPE, type);
        claims.put(FreshJwtClaims.AUTH_TIME, now.getEpochSecond());
    }

    static TestToken access(TestIssuer issuer, String subject) {
        TestToken token = new TestToken(issuer, subject, "access", "groups");
        token.claims.put(FreshJwtClaims.FRESH, true);
        return token;
    }

    static TestToken refresh(TestIssuer issuer, String subject) {
        TestToken token = new TestToken(issuer, subject, "refresh", FreshJwtClaims.ACCESS_GROUPS);
        token.claims.put(FreshJwtClaims.SESSION_ID, UUID.randomUUID().toString());
        return token;
    }

    /**
     * The caller's groups: {@code groups} of an access token (what {@code @RolesAllowed} checks), {@code access_groups}
     * of a refresh token (the groups of the access tokens it will be traded for).
     */
    public TestToken groups(String... groups) {
        claims.put(groupsClaim, List.of(groups));
        return this;
    }

    /** {@code fresh} false: an access token as a refresh mints it. */
    public TestToken notFresh() {
        claims.put(FreshJwtClaims.FRESH, false);
        return this;
    }

    /** {@code auth_time}: when the user last proved their credential. */
    public TestToken authenticatedAt(Instant time) {
        claims.put(FreshJwtClaims.AUTH_TIME, time.getEpochSecond());
        return this;
    }

    /** {@code auth_time} {@code ago} before now: stale for any {@code @FreshRequired(maxAge)} shorter than that. */
    public TestToken authenticatedAgo(Duration ago) {
        return authenticatedAt(Instant.now().minus(ago));
    }

    /** {@code acr}: the authentication context class of the login ({@code "mfa"}, ...). */
    public TestToken acr(String acr) {
        claims.put(FreshJwtClaims.ACR, acr);
        return this;
    }

    /** {@code amr}: the RFC 8176 methods of the login ({@code "pwd"}, {@code "otp"}, ...). */
    public TestToken amr(String... methods) {
        claims.put(FreshJwtClaims.AMR, List.of(methods));
        return this;
    }

    /** {@code exp} {@code lifetime} from now. */
    public TestToken expiresIn(Duration lifetime) {
        claims.put("exp", Instant.now().plus(lifetime).getEpochSecond());
        return this;
    }

    /**
     * Expired ten minutes ago (issued 25 minutes ago), beyond every server's clock skew, so every server refuses it:
     * Payara Micro applies none unless {@code mp.jwt.verify.clock.skew} says so, WildFly 60 s, Open Liberty 5 minutes
     * unless its {@code <mpJwt clockSkew>} says otherwise.
     */
    public TestToken expired() {
        Instant now = Instant.now();
        claims.put("iat", now.minus(EXPIRED_SINCE).minus(LIFETIME).getEpochSecond());
        claims.put("exp", now.minus(EXPIRED_SINCE).getEpochSecond());
        return this;
    }

    /** The {@code type} claim: {@code access}, {@code refresh}, or anything else for a token of an unknown type. */
    public TestToken type(String type) {
        claims.put(FreshJwtClaims.TYPE, type);
        return this;
    }

    /** Sets any claim (a {@code String}, {@code Number}, {@code Boolean}, {@code List} or {@code Map}). */
    public TestToken claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** Leaves a claim out. */
    public TestToken without(String name) {
        claims.remove(name);
        return this;
    }

    /** Signed with {@link TestKeys#otherRsa()}, a key the server does not trust: a forgery it must refuse. */
    public TestToken forged() {
        return signedWith(TestKeys.otherRsa().getPrivate());
    }

    /** Signed with {@code other} instead of the issuer's key (RSA or P-256). */
    public TestToken signedWith(PrivateKey other) {
        this.key = other;
        return this;
    }

    /** Names the signing key in the {@code kid} header: normally a string; anything else makes an odd token. */
    public TestToken keyId(Object kid) {
        this.keyId = kid;
        return this;
    }

    /** The claims as they stand, in the order they were set. */
    public Map<String, Object> claims() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** The compact JWS. */
    public String sign() {
        JwtClaims jwt = new JwtClaims();
        claims.forEach(jwt::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(key instanceof ECKey ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                : AlgorithmIdentifiers.RSA_USING_SHA256);
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

    /** {@code "Bearer " + sign()}: the value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + sign();
    }
}
