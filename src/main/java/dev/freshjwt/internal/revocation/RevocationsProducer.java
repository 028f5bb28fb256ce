package dev.freshjwt.internal.revocation;

import static dev.freshjwt.FreshJwtConfig.ACCESS_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_LIFETIME;
import static dev.freshjwt.FreshJwtConfig.REFRESH_TOKEN_REUSE_GRACE;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_MAX_ENTRIES;
import static dev.freshjwt.FreshJwtConfig.REVOCATION_STORE;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.RevocationStore;
import dev.freshjwt.internal.config.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Chooses the {@link RevocationStore} and produces the application's one {@link Revocations}. */
@ApplicationScoped
public class RevocationsProducer {

    private static final Logger LOG = Logger.getLogger(RevocationsProducer.class.getName());
    private static final int DEFAULT_MAX_ENTRIES = 100_000;

    @Produces
    @Singleton
    Revocations revocations(Instance<RevocationStore> custom, Config config, Instance<Clock> clockBean) {
        Clock clock = clockBean.isResolvable() ? clockBean.get() : Clock.systemUTC();
        Duration skew = ConfigValues.clockSkew(config);
        Duration longest = ConfigValues.positiveDuration(config, REFRESH_TOKEN_LIFETIME, Duration.ofDays(30));
        Duration access = ConfigValues.positiveDuration(config, ACCESS_TOKEN_LIFETIME, Duration.ofMinutes(15));
        Duration retention = (access.compareTo(longest) > 0 ? access : longest).plus(skew);
        Duration grace = ConfigValues.duration(config, REFRESH_TOKEN_REUSE_GRACE, Duration.ZERO);
        RevocationStore store = custom.isResolvable() ? custom.get() : builtIn(config, retention, clock);
        LOG.info("freshjwt keeps revocations in " + store.getClass().getName());
        return new Revocations(store, clock, grace, retention, skew);
    }

    private static RevocationStore builtIn(Config config, Duration retention, Clock clock) {
        String kind = ConfigValues.text(config, REVOCATION_STORE).orElse("auto");
        switch (kind) {
            case "memory":
                return memory(config, clock);
            case "jcache":
                return JCacheLookup.find(retention, clock).orElseThrow(() -> new InvalidConfigurationException(
                        REVOCATION_STORE + "=jcache, but the application has no JCache CacheManager: add a JCache"
                                + " provider to the server or the WAR"));
            case "auto":
                return JCacheLookup.find(retention, clock).orElseGet(() -> memory(config, clock));
            default:
                throw new InvalidConfigurationException(REVOCATION_STORE + " must be auto, memory or jcache, not " + kind);
        }
    }

    private static RevocationStore memory(Config config, Clock clock) {
        int max = ConfigValues.text(config, REVOCATION_MAX_ENTRIES).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(REVOCATION_MAX_ENTRIES + " must be a whole number, not " + text, e);
            }
        }).orElse(DEFAULT_MAX_ENTRIES);
        return new InMemoryRevocationStore(clock, max);
    }
}
