package dev.freshjwt.internal.config;

import static dev.freshjwt.FreshJwtConfig.PROVIDER_FRESH_WINDOW;

import dev.freshjwt.InvalidConfigurationException;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * What the freshness decision reads from MicroProfile Config, read once. Immutable.
 *
 * @param clockSkew the clock skew granted on {@code maxAge} ({@code mp.jwt.verify.clock.skew})
 * @param providerFreshWindow how long after {@code auth_time} a token without freshjwt's {@code fresh} claim may
 *     have been issued and still be fresh ({@value dev.freshjwt.FreshJwtConfig#PROVIDER_FRESH_WINDOW})
 */
public record FreshnessSettings(Duration clockSkew, Duration providerFreshWindow) {

    /** The default of {@value dev.freshjwt.FreshJwtConfig#PROVIDER_FRESH_WINDOW}. */
    public static final Duration DEFAULT_PROVIDER_FRESH_WINDOW = Duration.ofMinutes(1);

    /**
     * The widest window allowed. The window covers the code exchange after a login (seconds; Keycloak's codes live 60 s)
     * and clocks that differ between the provider's nodes, not the user's pace: a wider one would let a token that the
     * provider's single-sign-on session hands out minutes after a login, without the password, count as fresh.
     */
    public static final Duration MAX_PROVIDER_FRESH_WINDOW = Duration.ofMinutes(5);

    /**
     * Reads and checks the settings.
     *
     * @throws InvalidConfigurationException naming the key whose value is unusable
     */
    public static FreshnessSettings load(Config config) {
        Duration window = ConfigValues.duration(config, PROVIDER_FRESH_WINDOW, DEFAULT_PROVIDER_FRESH_WINDOW);
        if (window.compareTo(MAX_PROVIDER_FRESH_WINDOW) > 0) {
            throw new InvalidConfigurationException(PROVIDER_FRESH_WINDOW + " must be at most " + MAX_PROVIDER_FRESH_WINDOW
                    + ", not " + window + ": a token issued that long after the login may come from the provider's"
                    + " single-sign-on session, without the password");
        }
        return new FreshnessSettings(ConfigValues.clockSkew(config), window);
    }
}
