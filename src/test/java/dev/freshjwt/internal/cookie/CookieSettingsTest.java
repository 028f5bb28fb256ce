package dev.freshjwt.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.unit.MapConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieSettingsTest {

    @Test
    void headersOnlyByDefault() {
        CookieSettings settings = CookieSettings.load(MapConfig.of());
        assertTrue(settings.header());
        assertFalse(settings.cookie());
        assertEquals(Optional.empty(), settings.implicitRefreshWindow());
    }

    @Test
    void secureCookiesGetThePrefixesTheirAttributesAllow() {
        CookieSettings settings = CookieSettings.load(MapConfig.of("freshjwt.token.location", "header, cookie"));
        assertTrue(settings.header() && settings.cookie());
        assertEquals("__Host-access_token", settings.accessName());
        assertEquals("__Secure-refresh_token", settings.refreshName()); // a narrower path: __Host- is not allowed
        assertEquals("__Host-csrf_access_token", settings.csrfAccessName());
        assertEquals("__Host-csrf_refresh_token", settings.csrfRefreshName());
        assertEquals("Strict", settings.sameSite());
        assertEquals("/refresh", settings.refreshPath());
        assertEquals("X-CSRF-TOKEN", settings.csrfHeader());
    }

    @Test
    void cookiesThatAreNotSecureGetNoPrefix() {
        CookieSettings settings = CookieSettings.load(MapConfig.of("freshjwt.token.location", "cookie",
                "freshjwt.cookie.secure", "false", "freshjwt.cookie.same-site", "lax"));
        assertFalse(settings.header());
        assertEquals("access_token", settings.accessName());
        assertEquals("refresh_token", settings.refreshName());
        assertEquals("Lax", settings.sameSite());
    }

    @Test
    void implicitRefreshWindowIsAnIsoDuration() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), CookieSettings.load(MapConfig.of("freshjwt.token.location",
                "cookie", "freshjwt.implicit-refresh.window", "PT5M")).implicitRefreshWindow());
    }

    @Test
    void everyBadValueNamesItsKey() {
        assertNamesKey("freshjwt.token.location", "freshjwt.token.location", "query");
        assertNamesKey("freshjwt.cookie.secure", "freshjwt.token.location", "cookie", "freshjwt.cookie.secure", "yes");
        assertNamesKey("freshjwt.cookie.same-site", "freshjwt.token.location", "cookie", "freshjwt.cookie.same-site", "sometimes");
        assertNamesKey("freshjwt.cookie.same-site", "freshjwt.token.location", "cookie", "freshjwt.cookie.same-site", "None",
                "freshjwt.cookie.secure", "false");
        assertNamesKey("freshjwt.cookie.access.name", "freshjwt.token.location", "cookie", "freshjwt.cookie.access.name", "a b");
        assertNamesKey("freshjwt.cookie.access.name", "freshjwt.token.location", "cookie", "freshjwt.cookie.secure", "false",
                "freshjwt.cookie.access.name", "__Host-a");
        assertNamesKey("freshjwt.cookie.refresh.name", "freshjwt.token.location", "cookie", "freshjwt.cookie.refresh.name",
                "__Host-refresh");
        assertNamesKey("freshjwt.cookie.csrf-refresh.name", "freshjwt.token.location", "cookie",
                "freshjwt.cookie.csrf-refresh.name", "__Host-csrf_access_token");
        assertNamesKey("freshjwt.cookie.refresh.path", "freshjwt.token.location", "cookie", "freshjwt.cookie.refresh.path",
                "refresh");
        assertNamesKey("freshjwt.csrf.header", "freshjwt.token.location", "cookie", "freshjwt.csrf.header", "X CSRF");
        assertNamesKey("freshjwt.implicit-refresh.window", "freshjwt.token.location", "cookie",
                "freshjwt.implicit-refresh.window", "soon");
        assertNamesKey("freshjwt.implicit-refresh.window", "freshjwt.token.location", "cookie",
                "freshjwt.implicit-refresh.window", "PT0S");
        assertNamesKey("freshjwt.implicit-refresh.window", "freshjwt.implicit-refresh.window", "PT5M");
    }

    private static void assertNamesKey(String key, String... config) {
        var e = assertThrows(InvalidConfigurationException.class, () -> CookieSettings.load(MapConfig.of(config)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
