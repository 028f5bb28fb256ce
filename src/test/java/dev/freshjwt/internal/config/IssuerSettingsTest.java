package dev.freshjwt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.unit.MapConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuerSettingsTest {

    private static final String KEY = "freshjwt.sign.key.location";

    @Test
    void defaultsFollowTheMicroProfileJwtKeys() {
        IssuerSettings settings = IssuerSettings.load(MapConfig.of(KEY, "k.pem",
                "mp.jwt.verify.issuer", "https://issuer", "mp.jwt.verify.audiences", "a, b"), false);
        assertEquals("https://issuer", settings.issuer());
        assertEquals(List.of("a", "b"), settings.audiences());
        assertEquals(Duration.ofMinutes(15), settings.accessTokenLifetime());
        assertEquals(Duration.ofDays(30), settings.refreshTokenLifetime());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertTrue(settings.keyId().isEmpty());
    }

    @Test
    void ownKeysAreReadInIso8601() {
        IssuerSettings settings = IssuerSettings.load(MapConfig.of(KEY, "k.pem", "freshjwt.issuer", "me",
                "freshjwt.access-token.lifetime", "PT5M", "freshjwt.refresh-token.lifetime", "P1D",
                "freshjwt.audiences", "api", "mp.jwt.verify.clock.skew", "0"), false);
        assertEquals("me", settings.issuer());
        assertEquals(List.of("api"), settings.audiences());
        assertEquals(Duration.ofMinutes(5), settings.accessTokenLifetime());
        assertEquals(Duration.ofDays(1), settings.refreshTokenLifetime());
        assertEquals(Duration.ZERO, settings.clockSkew());
    }

    @Test
    void missingSigningKeyIsNamed() {
        var e = assertThrows(InvalidConfigurationException.class,
                () -> IssuerSettings.load(MapConfig.of("mp.jwt.verify.issuer", "x"), false));
        assertTrue(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void missingIssuerNamesBothKeys() {
        var e = assertThrows(InvalidConfigurationException.class, () -> IssuerSettings.load(MapConfig.of(KEY, "k.pem"), false));
        assertTrue(e.getMessage().contains("mp.jwt.verify.issuer") && e.getMessage().contains("freshjwt.issuer"),
                e.getMessage());
    }

    @Test
    void issuerThatTheContainerWouldRefuseFailsFast() {
        var e = assertThrows(InvalidConfigurationException.class, () -> IssuerSettings.load(
                MapConfig.of(KEY, "k.pem", "freshjwt.issuer", "a", "mp.jwt.verify.issuer", "b"), false));
        assertTrue(e.getMessage().contains("freshjwt.issuer"), e.getMessage());
    }

    @Test
    void badDurationsAreNamed() {
        for (String bad : new String[] {"15m", "PT0S", "-PT1M"}) {
            var e = assertThrows(InvalidConfigurationException.class, () -> IssuerSettings.load(MapConfig.of(KEY, "k",
                    "mp.jwt.verify.issuer", "x", "freshjwt.access-token.lifetime", bad), false));
            assertTrue(e.getMessage().contains("freshjwt.access-token.lifetime"), e.getMessage());
        }
    }

    @Test
    void badClockSkewIsNamed() {
        var e = assertThrows(InvalidConfigurationException.class, () -> IssuerSettings.load(
                MapConfig.of(KEY, "k", "mp.jwt.verify.issuer", "x", "mp.jwt.verify.clock.skew", "1m"), false));
        assertTrue(e.getMessage().contains("mp.jwt.verify.clock.skew"), e.getMessage());
    }
}
