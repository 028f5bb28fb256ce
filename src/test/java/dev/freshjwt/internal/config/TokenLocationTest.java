package dev.freshjwt.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.unit.MapConfig;
import org.junit.jupiter.api.Test;

class TokenLocationTest {

    @Test
    void headerUnlessCookiesAreNamed() {
        assertEquals(TokenLocation.HEADER, TokenLocation.load(MapConfig.of()));
        assertEquals(new TokenLocation(false, true), TokenLocation.load(MapConfig.of("freshjwt.token.location", "Cookie")));
        assertEquals(new TokenLocation(true, true),
                TokenLocation.load(MapConfig.of("freshjwt.token.location", "cookie, header")));
        assertEquals("header,cookie", new TokenLocation(true, true).toString());
    }

    @Test
    void anythingElseNamesTheKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TokenLocation.load(MapConfig.of("freshjwt.token.location", "header,query")));
        assertTrue(e.getMessage().startsWith("freshjwt.token.location must be header, cookie or header,cookie"),
                e.getMessage());
    }
}
