package dev.freshjwt.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.unit.MapConfig;
import org.junit.jupiter.api.Test;

class SetCookieTest {

    @Test
    void writesTheAttributesInOneOrder() {
        CookieSettings secure = CookieSettings.load(MapConfig.of("freshjwt.token.location", "cookie"));
        assertEquals("__Host-access_token=t; Path=/; Max-Age=900; Secure; HttpOnly; SameSite=Strict",
                SetCookie.format("__Host-access_token", "t", "/", 900, true, secure));
        assertEquals("c=; Path=/app/refresh; Max-Age=0; Secure; SameSite=Strict",
                SetCookie.format("c", "", "/app/refresh", -5, false, secure));
        CookieSettings plain = CookieSettings.load(MapConfig.of("freshjwt.token.location", "cookie",
                "freshjwt.cookie.secure", "false", "freshjwt.cookie.same-site", "Lax"));
        assertEquals("access_token=t; Path=/; Max-Age=1; HttpOnly; SameSite=Lax",
                SetCookie.format("access_token", "t", "/", 1, true, plain));
    }
}
