package dev.freshjwt.internal.token;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.FreshJwtException;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.cookie.Csrf;
import dev.freshjwt.internal.keys.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Assembles the claims of a token and signs it. Stateless apart from its settings, key and clock: safe for
 * concurrent use.
 */
public final class TokenMinter {

    private final IssuerSettings settings;
    private final SigningKey key;
    private final Clock clock;

    public TokenMinter(IssuerSettings settings, SigningKey key, Clock clock) {
        this.settings = settings;
        this.key = key;
        this.clock = clock;
    }

    /**
     * @param spec what the token says; {@code null} members take the configured defaults
     * @return the compact JWS
     */
    public String mint(TokenSpec spec) {
        Instant now = clock.instant();
        Duration lifetime = spec.lifetime() != null ? spec.lifetime() : defaultLifetime(spec.type());
        JwtClaims claims = new JwtClaims();
        spec.claims().forEach(claims::setClaim);
        claims.setIssuer(settings.issuer());
        claims.setSubject(spec.subject());
        claims.setClaim("upn", spec.subject());
        List<String> audiences = spec.audiences() != null ? spec.audiences() : settings.audiences();
        if (!audiences.isEmpty()) {
            claims.setAudience(audiences);
        }
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim(FreshJwtClaims.TYPE, spec.type().claimValue());
        if (settings.csrfClaims()) {
            claims.setClaim(FreshJwtClaims.CSRF, Csrf.newValue());
        }
        if (spec.sessionId() != null) {
            claims.setClaim(FreshJwtClaims.SESSION_ID, spec.sessionId());
        } else if (spec.type() == TokenType.REFRESH) {
            claims.setClaim(FreshJwtClaims.SESSION_ID, UUID.randomUUID().toString()); // a refresh token starts a session
        }
        if (spec.acr() != null) {
            claims.setClaim(FreshJwtClaims.ACR, spec.acr());
        }
        if (!spec.amr().isEmpty()) {
            claims.setStringListClaim(FreshJwtClaims.AMR, List.copyOf(spec.amr()));
        }
        Instant authTime = spec.authTime() != null ? spec.authTime() : spec.fresh() ? now : null;
        if (authTime != null) {
            claims.setClaim(FreshJwtClaims.AUTH_TIME, authTime.getEpochSecond());
        }
        List<String> groups = new ArrayList<>(spec.groups());
        if (spec.type() == TokenType.ACCESS) {
            claims.setClaim(FreshJwtClaims.FRESH, spec.fresh());
            if (!groups.isEmpty()) {
                claims.setStringListClaim("groups", groups);
            }
        } else if (!groups.isEmpty()) {
            claims.setStringListClaim(FreshJwtClaims.ACCESS_GROUPS, groups);
        }
        return sign(claims);
    }

    /** The configured lifetime of the given kind of token. */
    public Duration defaultLifetime(TokenType type) {
        return type == TokenType.ACCESS ? settings.accessTokenLifetime() : settings.refreshTokenLifetime();
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setAlgorithmHeaderValue(key.algorithm());
        jws.setKeyIdHeaderValue(key.keyId());
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new FreshJwtException("Signing a token with " + key + " failed", e);
        }
    }

    /**
     * What one token says, before the issuer adds {@code iss}, {@code iat}, {@code exp}, {@code jti}.
     *
     * @param type access or refresh
     * @param subject the {@code sub} (and {@code upn})
     * @param groups the {@code groups} of an access token, or the {@code access_groups} of a refresh token
     * @param claims extra claims; never one of the reserved names
     * @param audiences the {@code aud}, or {@code null} for the configured audiences
     * @param lifetime the lifetime, or {@code null} for the configured one
     * @param authTime the {@code auth_time}; {@code null} means now for a fresh token, else none
     * @param fresh the {@code fresh} flag of an access token
     * @param sessionId the {@code sid}; {@code null} starts a new session for a refresh token, none for an access token
     * @param acr the {@code acr}, or {@code null} for none
     * @param amr the {@code amr} values; empty for none
     */
    public record TokenSpec(TokenType type, String subject, Collection<String> groups, Map<String, Object> claims,
            List<String> audiences, Duration lifetime, Instant authTime, boolean fresh, String sessionId, String acr,
            List<String> amr) {

        /** Without {@code acr} and {@code amr}. */
        public TokenSpec(TokenType type, String subject, Collection<String> groups, Map<String, Object> claims,
                List<String> audiences, Duration lifetime, Instant authTime, boolean fresh, String sessionId) {
            this(type, subject, groups, claims, audiences, lifetime, authTime, fresh, sessionId, null, List.of());
        }
    }
}
