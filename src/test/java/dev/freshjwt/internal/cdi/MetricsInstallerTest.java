package dev.freshjwt.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.internal.metrics.StoreReading;
import dev.freshjwt.internal.revocation.RevocationHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The store's instruments name the store as the operator configures it, and an application's own store as custom. */
class MetricsInstallerTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aPollingStoreReportsItsEntriesAndTheAgeOfItsLastRead() {
        RevocationHealth jdbc = new RevocationHealth("dev.freshjwt.internal.revocation.JdbcRevocationStore", true,
                OptionalLong.of(7), Optional.of(NOW.minusMillis(1200)), Optional.of(NOW.plusSeconds(300)));
        assertEquals(new StoreReading("jdbc", OptionalLong.of(7), Optional.of(Duration.ofMillis(1200))),
                MetricsInstaller.reading(jdbc, NOW));
    }

    @Test
    void anApplicationsOwnStoreIsCustomWhateverItsClass() {
        RevocationHealth own = new RevocationHealth("com.example.RedisRevocations", true, OptionalLong.empty(),
                Optional.empty(), Optional.empty());
        assertEquals(new StoreReading("custom", OptionalLong.empty(), Optional.empty()), MetricsInstaller.reading(own, NOW));
    }

    @Test
    void aReadStampedAheadOfThisClockIsNoAge() {
        RevocationHealth jcache = new RevocationHealth("dev.freshjwt.internal.revocation.JCacheRevocationStore", true,
                OptionalLong.of(0), Optional.of(NOW.plusMillis(5)), Optional.of(NOW.plusSeconds(300)));
        assertEquals(Optional.of(Duration.ZERO), MetricsInstaller.reading(jcache, NOW).lastReadAge());
    }
}
