package dev.freshjwt.internal.revocation;

import static dev.freshjwt.FreshJwtConfig.REVOCATION_STORE;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the {@link RevocationStore} and produces the application's one {@link Revocations}, when the application
 * starts (a shared store is read then, so a store that cannot be read fails the deployment, and the first request
 * does not wait for it); closes it when the application stops (which stops the JDBC store's polling).
 */
@ApplicationScoped
public class RevocationsProducer {

    private static final Logger LOG = Logger.getLogger(RevocationsProducer.class.getName());

    @Produces
    @Singleton
    Revocations revocations(Instance<RevocationStore> custom, Config config, Instance<Clock> clockBean) {
        Clock clock = clockBean.isResolvable() ? clockBean.get() : Clock.systemUTC();
        RevocationSettings settings = RevocationSettings.load(config);
        Revocations revocations;
        try {
            revocations = Revocations.of(custom.isResolvable() ? custom.get() : builtIn(settings, clock), clock, settings);
        } catch (FreshJwtException e) {
            LOG.severe("freshjwt cannot start: " + e.getMessage());
            throw e;
        }
        LOG.info("freshjwt keeps revocations in " + revocations.store().getClass().getName()
                + (revocations.isMirrored() ? ", checking tokens against a local mirror of it" : ""));
        return revocations;
    }

    void close(@Disposes Revocations revocations) {
        revocations.close();
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event, Revocations revocations) {
        // injecting the (unproxied) singleton creates it
    }

    private static RevocationStore builtIn(RevocationSettings settings, Clock clock) {
        return switch (settings.store()) {
            case "jdbc" -> JdbcLookup.open(settings.datasource(), settings.pollInterval(), settings.maxStaleness(),
                    clock);
            case "memory" -> new InMemoryRevocationStore(clock, settings.maxEntries());
            case "jcache" -> JCacheLookup.find(settings.retention(), clock, settings.pollInterval(), settings.maxStaleness()).orElseThrow(() -> new InvalidConfigurationException(
                    REVOCATION_STORE + "=jcache, but the application has no JCache CacheManager: add a JCache provider to"
                            + " the server or the WAR"));
            default -> JCacheLookup.find(settings.retention(), clock, settings.pollInterval(), settings.maxStaleness()).<RevocationStore>map(store -> store)
                    .orElseGet(() -> new InMemoryRevocationStore(clock, settings.maxEntries()));
        };
    }
}
