package dev.freshjwt.internal.revocation;

import static dev.freshjwt.FreshJwtConfig.REVOCATION_STORE;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Chooses the {@link RevocationStore} and produces the application's one {@link Revocations}. */
@ApplicationScoped
public class RevocationsProducer {

    private static final Logger LOG = Logger.getLogger(RevocationsProducer.class.getName());

    @Produces
    @Singleton
    Revocations revocations(Instance<RevocationStore> custom, Config config, Instance<Clock> clockBean) {
        Clock clock = clockBean.isResolvable() ? clockBean.get() : Clock.systemUTC();
        RevocationSettings settings = RevocationSettings.load(config);
        RevocationStore store = custom.isResolvable() ? custom.get() : builtIn(settings, clock);
        LOG.info("freshjwt keeps revocations in " + store.getClass().getName());
        return new Revocations(store, clock, settings.reuseGrace(), settings.retention(), settings.skew());
    }

    private static RevocationStore builtIn(RevocationSettings settings, Clock clock) {
        return switch (settings.store()) {
            case "memory" -> new InMemoryRevocationStore(clock, settings.maxEntries());
            case "jcache" -> JCacheLookup.find(settings.retention(), clock).orElseThrow(() -> new InvalidConfigurationException(
                    REVOCATION_STORE + "=jcache, but the application has no JCache CacheManager: add a JCache"
                            + " provider to the server or the WAR"));
            default -> JCacheLookup.find(settings.retention(), clock)
                    .orElseGet(() -> new InMemoryRevocationStore(clock, settings.maxEntries()));
        };
    }
}
