package dev.freshjwt.internal.cdi;

import dev.freshjwt.internal.metrics.ApplicationMetrics;
import dev.freshjwt.internal.metrics.StoreReading;
import dev.freshjwt.internal.metrics.TelemetryLookup;
import dev.freshjwt.internal.revocation.RevocationHealth;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.revocation.StoreKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Installs the application's metrics once CDI has started ({@link TelemetryLookup}: the server's OpenTelemetry, or
 * none), and closes them when the application stops, so that the server no longer calls back into it.
 */
@ApplicationScoped
public class MetricsInstaller {

    static void install(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beans,
            Revocations revocations, Instance<Clock> clockBean) {
        Clock clock = clockBean.isResolvable() ? clockBean.get() : Clock.systemUTC();
        ApplicationMetrics.install(TelemetryLookup.find(beans, () -> reading(revocations.health(), clock.instant())));
    }

    static void uninstall(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        ApplicationMetrics.install(null);
    }

    /** The store as its instruments report it: an application's own store is {@code custom}, whatever its class. */
    static StoreReading reading(RevocationHealth health, Instant now) {
        String kind = StoreKind.of(health.store());
        return new StoreReading(kind.equals(health.store()) ? "custom" : kind, health.liveEntries(),
                health.lastConfirmedRead().map(read -> read.isAfter(now) ? Duration.ZERO : Duration.between(read, now)));
    }
}
