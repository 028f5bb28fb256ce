package dev.freshjwt.internal.revocation;

import static dev.freshjwt.FreshJwtConfig.ACCESS_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_REUSE_GRACE;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_DATASOURCE;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_ENTRIES;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_PER_SUBJECT;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_STALENESS;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_POLL_INTERVAL;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_STORE;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * Every revocation setting, read and checked once: at deployment (so a bad value fails it, naming the key) and for
 * the {@link Revocations} the application uses. Immutable.
 *
 * @param store {@code auto}, {@code memory}, {@code jcache} or {@code jdbc}
 * @param maxEntries the most live entries of the in-memory store
 * @param reuseGrace how long a used refresh token may come again without counting as stolen
 * @param retention how long a revocation must be remembered: the longest token lifetime plus the clock skew
 * @param skew the clock skew
 * @param datasource the JNDI name of the JDBC store's data source
 * @param pollInterval how often the JDBC store reads what other instances wrote
 * @param maxPerSubject the most token and session revocations one subject may hold
 * @param maxStaleness how long a shared store's last confirmed copy keeps being trusted while the store cannot be read
 */
public record RevocationSettings(String store, int maxEntries, Duration reuseGrace, Duration retention, Duration skew,
        String datasource, Duration pollInterval, int maxPerSubject, Duration maxStaleness) {

    private static final int DEFAULT_MAX_ENTRIES = 100_000;
    static final int DEFAULT_MAX_PER_SUBJECT = 1000;
    static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(10);
    /** Long enough for a database restart or a managed fail-over; a third of the default access-token lifetime. */
    static final Duration DEFAULT_MAX_STALENESS = Duration.ofMinutes(5);

    /**
     * @throws InvalidConfigurationException naming the key that is wrong
     */
    public static RevocationSettings load(Config config) {
        String store = ConfigValues.text(config, REVOCATION_STORE).orElse("auto").toLowerCase(Locale.ROOT);
        if (!store.equals("auto") && !store.equals("memory") && !store.equals("jcache") && !store.equals("jdbc")) {
            throw new InvalidConfigurationException(REVOCATION_STORE + " must be auto, memory, jcache or jdbc, not '"
                    + ConfigValues.text(config, REVOCATION_STORE).orElse("") + "'");
        }
        Duration skew = ConfigValues.clockSkew(config);
        Duration refresh = ConfigValues.positiveDuration(config, REFRESH_TOKEN_LIFETIME, Duration.ofDays(30));
        Duration access = ConfigValues.positiveDuration(config, ACCESS_TOKEN_LIFETIME, Duration.ofMinutes(15));
        Duration retention = (access.compareTo(refresh) > 0 ? access : refresh).plus(skew);
        return new RevocationSettings(store, positive(config, REVOCATION_MAX_ENTRIES, DEFAULT_MAX_ENTRIES),
                ConfigValues.duration(config, REFRESH_TOKEN_REUSE_GRACE, Duration.ZERO), retention, skew,
                ConfigValues.text(config, REVOCATION_DATASOURCE).orElse(DEFAULT_DATASOURCE), pollInterval(config),
                positive(config, REVOCATION_MAX_PER_SUBJECT, DEFAULT_MAX_PER_SUBJECT), maxStaleness(config, retention));
    }

    /** Zero or more, and shorter than the retention: a copy trusted longer would outlive the revocations it lacks. */
    private static Duration maxStaleness(Config config, Duration retention) {
        Duration staleness = ConfigValues.duration(config, REVOCATION_MAX_STALENESS, DEFAULT_MAX_STALENESS);
        if (staleness.compareTo(retention) >= 0) {
            throw new InvalidConfigurationException(REVOCATION_MAX_STALENESS + " must be shorter than the longest token"
                    + " lifetime plus the clock skew (" + retention + "), not " + staleness);
        }
        return staleness;
    }

    private static Duration pollInterval(Config config) {
        Duration interval = ConfigValues.positiveDuration(config, REVOCATION_POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        if (interval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new InvalidConfigurationException(REVOCATION_POLL_INTERVAL + " must be at most " + MAX_POLL_INTERVAL
                    + " (other instances' revocations would be seen that late), not " + interval);
        }
        return interval;
    }

    private static int positive(Config config, String key, int defaultValue) {
        String text = ConfigValues.text(config, key).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int max = Integer.parseInt(text);
            if (max < 1) {
                throw new NumberFormatException("not positive");
            }
            return max;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(key + " must be a whole number from 1 to "
                    + Integer.MAX_VALUE + ", not '" + text + "'", e);
        }
    }
}
