package dev.freshjwt.internal.token;

import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.Jwks;
import dev.freshjwt.internal.keys.SigningKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies a raw token string against our own keys and issuer where no container has verified it: a refresh token
 * handed to {@code TokenIssuer.refresh(String)}, and a token cookie before it is handed to the container. Thread-safe.
 */
public final class OwnTokenVerifier {

    private final IssuerSettings settings;
    /** The one key, which verifies whatever kid a token names; {@code null} when the token's kid picks among several. */
    private final SigningKey onlyKey;
    private final List<JsonWebKey> jwks;
    private final String[] algorithms;
    private final Clock clock;
    /** Built once when the clock is the system's: jose4j then reads the time itself. */
    private final JwtConsumer systemTimeConsumer;

    public OwnTokenVerifier(IssuerSettings settings, SigningKey key, Clock clock) {
        this(settings, List.of(key), clock);
    }

    /**
     * @param keys every key whose tokens are valid, the signing one first. With one key, its tokens are valid whatever
     *     {@code kid} they name (as the servers verify with a PEM key); with several (key rotation) the token's
     *     {@code kid} picks the key
     */
    public OwnTokenVerifier(IssuerSettings settings, List<SigningKey> keys, Clock clock) {
        this.settings = settings;
        this.onlyKey = keys.size() == 1 ? keys.get(0) : null;
        this.jwks = Jwks.publicJwks(keys);
        this.algorithms = keys.stream().map(SigningKey::algorithm).distinct().toArray(String[]::new);
        this.clock = clock;
        this.systemTimeConsumer = Clock.systemUTC().equals(clock) ? consumer(false) : null;
    }

    /**
     * @return the claims of a validly signed, unexpired token of our issuer, or empty for anything else
     */
    public Optional<JwtClaims> verify(String token) {
        JwtConsumer consumer = systemTimeConsumer != null ? systemTimeConsumer : consumer(true);
        try {
            return Optional.of(consumer.processToClaims(token));
        } catch (InvalidJwtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JwtConsumer consumer(boolean atClockTime) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder();
        if (onlyKey != null) {
            builder.setVerificationKey(onlyKey.publicKey());
        } else {
            builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks));
        }
        builder.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithms)
                .setExpectedIssuer(settings.issuer())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) Math.min(Integer.MAX_VALUE, settings.clockSkew().toSeconds()));
        if (atClockTime) {
            builder.setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
        }
        if (settings.audiences().isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
        }
        return builder.build();
    }
}
