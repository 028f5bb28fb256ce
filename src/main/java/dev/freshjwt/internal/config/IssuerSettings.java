package dev.freshjwt.internal.config;

import static dev.freshjwt.FreshJwtConfig.ACCESS_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.AUDIENCES;
import static dev.freshjwt.FreshJwtConfig.ISSUER;
import static dev.freshjwt.FreshJwtConfig.MP_AUDIENCES;
import static dev.freshjwt.FreshJwtConfig.MP_ISSUER;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_ROTATION;
import static dev.freshjwt.FreshJwtConfig.SIGN_ALGORITHM;
import static dev.freshjwt.FreshJwtConfig.SIGN_KEY_ID;
import static dev.freshjwt.FreshJwtConfig.SIGN_KEY_LOCATION;

import dev.freshjwt.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Everything the token issuer reads from MicroProfile Config, read once. Immutable.
 *
 * @param issuer the {@code iss} of minted tokens
 * @param audiences the {@code aud} of minted tokens; empty for none
 * @param accessTokenLifetime lifetime of access tokens
 * @param refreshTokenLifetime lifetime of refresh tokens
 * @param keyLocation where the private signing key is
 * @param keyId the configured {@code kid}, if any
 * @param algorithm the configured JWS algorithm, if any
 * @param clockSkew the allowed clock skew ({@code mp.jwt.verify.clock.skew})
 * @param rotation whether refreshes rotate the refresh token
 * @param csrfClaims whether minted tokens carry a random {@code csrf} claim (cookies are on)
 */
public record IssuerSettings(
        String issuer,
        List<String> audiences,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        String keyLocation,
        Optional<String> keyId,
        Optional<String> algorithm,
        Duration clockSkew,
        boolean rotation,
        boolean csrfClaims) {

    /**
     * Reads and checks the settings.
     *
     * @param csrfClaims whether tokens travel in cookies and so carry a CSRF claim
     * @throws InvalidConfigurationException naming the key that is missing or wrong
     */
    public static IssuerSettings load(Config config, boolean csrfClaims) {
        return new IssuerSettings(
                issuer(config),
                audiences(config),
                ConfigValues.positiveDuration(config, ACCESS_TOKEN_LIFETIME, Duration.ofMinutes(15)),
                ConfigValues.positiveDuration(config, REFRESH_TOKEN_LIFETIME, Duration.ofDays(30)),
                ConfigValues.text(config, SIGN_KEY_LOCATION).orElseThrow(() -> new InvalidConfigurationException(
                        "No signing key: set " + SIGN_KEY_LOCATION
                                + " to a PEM (PKCS#8) private key, a private JWK or a JWKS")),
                ConfigValues.text(config, SIGN_KEY_ID),
                ConfigValues.text(config, SIGN_ALGORITHM),
                ConfigValues.clockSkew(config),
                ConfigValues.bool(config, REFRESH_TOKEN_ROTATION, false),
                csrfClaims);
    }

    private static String issuer(Config config) {
        Optional<String> own = ConfigValues.text(config, ISSUER);
        Optional<String> verified = ConfigValues.text(config, MP_ISSUER);
        if (own.isPresent() && verified.isPresent() && !own.get().equals(verified.get())) {
            throw new InvalidConfigurationException(ISSUER + " is '" + own.get() + "' but " + MP_ISSUER + " is '"
                    + verified.get() + "': the container would refuse every token minted. Set one of them only.");
        }
        return own.or(() -> verified).orElseThrow(() -> new InvalidConfigurationException(
                "No issuer: set " + MP_ISSUER + " (the issuer MicroProfile JWT accepts) or " + ISSUER));
    }

    private static List<String> audiences(Config config) {
        List<String> own = ConfigValues.list(config, AUDIENCES);
        return own.isEmpty() ? ConfigValues.list(config, MP_AUDIENCES) : own;
    }
}
