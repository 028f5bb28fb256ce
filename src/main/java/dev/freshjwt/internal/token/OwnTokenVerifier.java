package dev.freshjwt.internal.token;

import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.SigningKey;
import java.time.Clock;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a raw token string against our own key and issuer where no container has verified it: a refresh token
 * handed to {@code TokenIssuer.refresh(String)}, and a token cookie before it is handed to the container. Thread-safe.
 */
public final class OwnTokenVerifier {

    private final IssuerSettings settings;
    private final SigningKey key;
    private final Clock clock;
    /** Built once when the clock is the system's: jose4j then reads the time itself. */
    private final JwtConsumer systemTimeConsumer;

    public OwnTokenVerifier(IssuerSettings settings, SigningKey key, Clock clock) {
        this.settings = settings;
        this.key = key;
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
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKey(key.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, key.algorithm())
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
