package dev.freshjwt.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieHeaderTest {

    @Test
    void readsACookieAsBrowsersSendThem() {
        String header = "a=1; __Host-access_token=eyJ.x.y; b=2";
        assertEquals("eyJ.x.y", CookieHeader.value(header, "__Host-access_token"));
        assertEquals("1", CookieHeader.value(header, "a"));
        assertEquals("2", CookieHeader.value(header, "b"));
        assertEquals("v", CookieHeader.value("x=\"v\"", "x"));
        assertEquals("v", CookieHeader.value("x=v;y=w", "x"));
    }

    @Test
    void matchesWholeNamesOnlyAndTakesTheFirst() {
        assertNull(CookieHeader.value("xaccess_token=1; access_tokenx=2", "access_token"));
        assertEquals("first", CookieHeader.value("t=first; t=second", "t"));
        assertEquals("2", CookieHeader.value(Collections.enumeration(List.of("a=1", "t=2")), "t"));
    }

    @Test
    void oddHeadersReadAsAbsent() {
        assertNull(CookieHeader.value((String) null, "t"));
        assertNull(CookieHeader.value("", "t"));
        assertNull(CookieHeader.value("t=", "t"));
        assertNull(CookieHeader.value("t", "t"));
        assertNull(CookieHeader.value(";;;", "t"));
        assertNull(CookieHeader.value("$Version=1; t", "t"));
        assertNull(CookieHeader.value("t=\"\"", "t"));
    }
}
