package dev.freshjwt.internal.token;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import dev.freshjwt.internal.keys.TokenKeys;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a bearer token as MicroProfile JWT does, from the standard keys: the signature with the keys of
 * {@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey} (the token's {@code kid} picks one of a
 * JWKS; keys at an {@code http(s)} location are fetched when needed, and again for an unknown {@code kid}: {@link TokenKeys}) and the algorithm of {@code mp.jwt.verify.publickey.algorithm} ({@code RS256} by default, or {@code ES256}),
 * {@code iss} against {@code mp.jwt.verify.issuer}, {@code aud} against {@code mp.jwt.verify.audiences} when set, and
 * {@code exp} with {@code mp.jwt.verify.clock.skew}. Where freshjwt must stand in for the server's own MP JWT (Open
 * Liberty with cookies on). Thread-safe.
 */
public final class MpJwtVerifier {

    /** Standard MicroProfile JWT key: the signature algorithm. */
    public static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    private final JwtConsumer consumer;

    private MpJwtVerifier(JwtConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * @throws InvalidConfigurationException naming the key that is missing or wrong
     */
    public static MpJwtVerifier load(Config config, ClassLoader loader) {
        return load(config, loader, Clock.systemUTC());
    }

    /** As {@link #load(Config, ClassLoader)}, with the clock that times the fetches of remote keys. */
    static MpJwtVerifier load(Config config, ClassLoader loader, Clock clock) {
        TokenKeys keys = TokenKeys.load(config, loader, clock);
        String issuer = ConfigValues.text(config, FreshJwtConfig.MP_ISSUER).orElseThrow(() ->
                new InvalidConfigurationException("No issuer: set " + FreshJwtConfig.MP_ISSUER));
        String algorithm = ConfigValues.text(config, ALGORITHM).orElse("RS256");
        if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            throw new InvalidConfigurationException(ALGORITHM + " must be RS256 or ES256, not " + algorithm);
        }
        List<String> audiences = ConfigValues.list(config, FreshJwtConfig.MP_AUDIENCES);
        JwtConsumerBuilder builder = new JwtConsumerBuilder();
        keys.applyTo(builder);
        builder.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm)
                .setExpectedIssuer(issuer)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) Math.min(Integer.MAX_VALUE, ConfigValues.clockSkew(config).toSeconds()));
        if (audiences.isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(audiences.toArray(String[]::new));
        }
        return new MpJwtVerifier(builder.build());
    }

    /** The claims of a valid token, or empty for anything else. */
    public Optional<JwtClaims> verify(String token) {
        try {
            return Optional.of(consumer.processToClaims(token));
        } catch (InvalidJwtException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
