package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.unit.MapConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Revocation settings are checked at deployment: every bad value names its key. */
class RevocationSettingsTest {

    @Test
    void defaults() {
        RevocationSettings settings = RevocationSettings.load(MapConfig.of());
        assertEquals("auto", settings.store());
        assertEquals(100_000, settings.maxEntries());
        assertEquals(Duration.ZERO, settings.reuseGrace());
        assertEquals(Duration.ofDays(30).plusSeconds(60), settings.retention());
        assertEquals(1000, settings.maxPerSubject());
        assertEquals("java:comp/DefaultDataSource", settings.datasource());
        assertEquals(Duration.ofMillis(500), settings.pollInterval());
        assertEquals(Duration.ofMinutes(5), settings.maxStaleness());
    }

    @Test
    void maxStalenessIsADurationShorterThanTheLongestTokenLifetime() {
        assertEquals(Duration.ZERO, RevocationSettings.load(MapConfig.of("freshjwt.revocation.max-staleness", "PT0S"))
                .maxStaleness());
        assertEquals(Duration.ofMinutes(2), RevocationSettings.load(MapConfig.of("freshjwt.revocation.max-staleness",
                "PT2M")).maxStaleness());
        for (String bad : new String[] {"soon", "-PT1M", "P31D"}) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> RevocationSettings.load(MapConfig.of("freshjwt.revocation.max-staleness", bad)));
            assertTrue(e.getMessage().startsWith("freshjwt.revocation.max-staleness must"), e.getMessage());
        }
    }

    @Test
    void jdbcValues() {
        RevocationSettings settings = RevocationSettings.load(MapConfig.of("freshjwt.revocation.store", "JDBC",
                "freshjwt.revocation.datasource", " jdbc/revocations ", "freshjwt.revocation.poll-interval", "PT10S"));
        assertEquals("jdbc", settings.store());
        assertEquals("jdbc/revocations", settings.datasource());
        assertEquals(Duration.ofSeconds(10), settings.pollInterval());
    }

    @Test
    void validValues() {
        RevocationSettings settings = RevocationSettings.load(MapConfig.of("freshjwt.revocation.store", "Memory",
                "freshjwt.revocation.max-entries", "20", "freshjwt.refresh-token.reuse-grace", "PT10S",
                "freshjwt.revocation.max-per-subject", "7"));
        assertEquals("memory", settings.store());
        assertEquals(20, settings.maxEntries());
        assertEquals(Duration.ofSeconds(10), settings.reuseGrace());
        assertEquals(7, settings.maxPerSubject());
    }

    @Test
    void everyBadValueNamesItsKey() {
        assertNamesKey("freshjwt.revocation.store", "freshjwt.revocation.store", "bogus");
        for (String bad : new String[] {"-1", "0", "many", "99999999999"}) {
            assertNamesKey("freshjwt.revocation.max-entries", "freshjwt.revocation.max-entries", bad);
            assertNamesKey("freshjwt.revocation.max-per-subject", "freshjwt.revocation.max-per-subject", bad);
        }
        assertNamesKey("freshjwt.refresh-token.reuse-grace", "freshjwt.refresh-token.reuse-grace", "soon");
        assertNamesKey("freshjwt.refresh-token.reuse-grace", "freshjwt.refresh-token.reuse-grace", "-PT1S");
        assertNamesKey("freshjwt.refresh-token.lifetime", "freshjwt.refresh-token.lifetime", "P0D");
        for (String bad : new String[] {"soon", "PT0S", "-PT1S", "PT10.001S", "P1D"}) {
            assertNamesKey("freshjwt.revocation.poll-interval", "freshjwt.revocation.poll-interval", bad);
        }
    }

    private static void assertNamesKey(String key, String... config) {
        var e = assertThrows(InvalidConfigurationException.class, () -> RevocationSettings.load(MapConfig.of(config)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
