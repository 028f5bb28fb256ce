package dev.freshjwt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.unit.MapConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The freshness settings are checked at deployment: every bad value names its key. */
class FreshnessSettingsTest {

    @Test
    void defaults() {
        FreshnessSettings settings = FreshnessSettings.load(MapConfig.of());
        assertEquals(Duration.ofMinutes(1), settings.providerFreshWindow());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
    }

    @Test
    void theProviderFreshWindowIsADurationFromZeroToFiveMinutes() {
        for (String good : new String[] {"PT0S", "PT10S", "PT5M"}) {
            assertEquals(Duration.parse(good), FreshnessSettings.load(MapConfig.of("freshjwt.provider.fresh-window", good))
                    .providerFreshWindow());
        }
        for (String bad : new String[] {"soon", "60", "-PT1S", "PT5M1S", "P1D"}) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> FreshnessSettings.load(MapConfig.of("freshjwt.provider.fresh-window", bad)));
            assertTrue(e.getMessage().startsWith("freshjwt.provider.fresh-window must"), e.getMessage());
        }
    }

    @Test
    void aBadClockSkewNamesItsKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> FreshnessSettings.load(MapConfig.of("mp.jwt.verify.clock.skew", "-5")));
        assertTrue(e.getMessage().startsWith("mp.jwt.verify.clock.skew must"), e.getMessage());
    }
}
