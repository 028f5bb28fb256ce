package dev.freshjwt.internal.token;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.InvalidLogoutTokenException;
import dev.freshjwt.internal.config.ConfigValues;
import dev.freshjwt.internal.keys.TokenKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.InvalidAlgorithmException;

/**
 * Verifies a logout token of OpenID Connect Back-Channel Logout 1.0 (§2.6): signed (never {@code alg: none}, never a
 * shared-secret algorithm) by a key the application trusts for the provider's access tokens ({@code
 * mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey}; a remote JWKS is fetched when needed and again
 * for an unknown {@code kid}: {@link TokenKeys}); {@code iss} is {@code mp.jwt.verify.issuer}; {@code aud} contains the
 * application's client id; {@code iat} is present, not in the future beyond the clock skew and at most {@link #MAX_AGE}
 * (plus skew) old; {@code exp}, when present, not passed; {@code events} holds the back-channel logout event, a JSON
 * object; no {@code nonce}; a {@code jti}; a {@code sid}, a {@code sub} or both. The {@code typ} header is not required
 * (the specification recommends {@code logout+jwt}). Thread-safe.
 */
public final class LogoutTokenVerifier {

    /** The member of {@code events} that makes a JWT a logout token. */
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /**
     * How old a logout token may be: providers send it as the session ends. Its {@code jti} is remembered this long
     * (plus skew) to refuse replays, so the store holds no entry longer.
     */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** Longer raw tokens are refused unread: a provider's logout token is well under 2 KB. */
    static final int MAX_LENGTH = 16_384;

    /** Identifiers ({@code jti}, {@code sid}, {@code sub}) longer than this cannot be stored as revocation keys. */
    static final int MAX_ID_LENGTH = 200;

    private static final String[] ALGORITHMS = {AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
        AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
        AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512};

    private final TokenKeys keys;
    private final String issuer;
    private final String[] clientIds;
    private final Duration skew;
    private final Clock clock;

    LogoutTokenVerifier(TokenKeys keys, String issuer, List<String> clientIds, Duration skew, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clientIds = clientIds.toArray(String[]::new);
        this.skew = skew;
        this.clock = clock;
    }

    /**
     * From the standard MicroProfile JWT keys and {@value FreshJwtConfig#PROVIDER_CLIENT_ID}. Reads a local key now; a
     * remote JWKS only when a logout token arrives.
     *
     * @throws InvalidConfigurationException naming the key that is missing or wrong
     */
    public static LogoutTokenVerifier load(Config config, ClassLoader loader, Clock clock) {
        String issuer = ConfigValues.text(config, FreshJwtConfig.MP_ISSUER).orElseThrow(() -> new InvalidConfigurationException(
                "Back-channel logout needs the provider's issuer: set " + FreshJwtConfig.MP_ISSUER));
        List<String> clientIds = ConfigValues.list(config, FreshJwtConfig.PROVIDER_CLIENT_ID);
        if (clientIds.isEmpty()) {
            clientIds = ConfigValues.list(config, FreshJwtConfig.MP_AUDIENCES);
        }
        if (clientIds.isEmpty()) {
            throw new InvalidConfigurationException("Back-channel logout needs the application's client id at the provider,"
                    + " which logout tokens name in aud: set " + FreshJwtConfig.PROVIDER_CLIENT_ID);
        }
        return new LogoutTokenVerifier(TokenKeys.load(config, loader, clock), issuer, clientIds,
                ConfigValues.clockSkew(config), clock);
    }

    /**
     * @param rawToken the {@code logout_token} parameter as received, possibly {@code null}
     * @return what the token asks for
     * @throws InvalidLogoutTokenException (400) saying what is wrong with it, for anything but a valid logout token
     */
    public LogoutToken verify(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            throw new InvalidLogoutTokenException("The logout_token parameter is missing");
        }
        if (rawToken.length() > MAX_LENGTH) {
            throw new InvalidLogoutTokenException("The logout token is too long");
        }
        Instant now = clock.instant();
        JwtClaims claims = claims(rawToken.trim(), now);
        try {
            return read(claims, now);
        } catch (MalformedClaimException e) {
            throw new InvalidLogoutTokenException("The logout token has a claim of the wrong type: " + e.getMessage());
        }
    }

    private JwtClaims claims(String rawToken, Instant now) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(true, clientIds)
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) Math.min(Integer.MAX_VALUE, skew.toSeconds()))
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()));
        keys.applyTo(builder);
        try {
            return builder.build().processToClaims(rawToken);
        } catch (InvalidJwtException e) {
            throw new InvalidLogoutTokenException(reason(e));
        } catch (RuntimeException e) {
            throw new InvalidLogoutTokenException("The logout token is not a JWT");
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "The logout token's signature is not the provider's";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "The logout token is not from the expected issuer";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The logout token is not meant for this application (aud)";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return "The logout token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING) || e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return "The logout token lacks iat or jti";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidAlgorithmException) {
                return "The logout token is not signed with an accepted algorithm";
            }
        }
        return "The logout token is not a valid JWT signed by the provider";
    }

    private LogoutToken read(JwtClaims claims, Instant now) throws MalformedClaimException {
        Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
        if (issuedAt.isAfter(now.plus(skew))) {
            throw new InvalidLogoutTokenException("The logout token is issued in the future (iat)");
        }
        if (issuedAt.plus(MAX_AGE).plus(skew).isBefore(now)) {
            throw new InvalidLogoutTokenException("The logout token is too old (iat)");
        }
        Object events = claims.getClaimValue("events");
        if (!(events instanceof Map<?, ?> members) || !(members.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map)) {
            throw new InvalidLogoutTokenException("The token is not a logout token: its events claim lacks "
                    + BACKCHANNEL_LOGOUT_EVENT);
        }
        if (claims.hasClaim("nonce")) {
            throw new InvalidLogoutTokenException("A logout token must not carry a nonce");
        }
        String sessionId = emptyAsAbsent(claims.getStringClaimValue("sid"));
        String subject = emptyAsAbsent(claims.getSubject());
        if (sessionId == null && subject == null) {
            throw new InvalidLogoutTokenException("The logout token names neither a session (sid) nor a subject (sub)");
        }
        String tokenId = claims.getJwtId();
        if (tokenId.isEmpty()) {
            throw new InvalidLogoutTokenException("The logout token lacks iat or jti");
        }
        if (tooLong(tokenId) || tooLong(sessionId) || tooLong(subject)) {
            throw new InvalidLogoutTokenException("The logout token's jti, sid or sub is longer than " + MAX_ID_LENGTH
                    + " characters");
        }
        Instant rememberUntil = issuedAt.plus(MAX_AGE);
        if (claims.getExpirationTime() != null) {
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            rememberUntil = expiresAt.isBefore(rememberUntil) ? expiresAt : rememberUntil;
        }
        return new LogoutToken(tokenId, sessionId, subject, rememberUntil.plus(skew));
    }

    private static String emptyAsAbsent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean tooLong(String id) {
        return id != null && id.length() > MAX_ID_LENGTH;
    }
}
