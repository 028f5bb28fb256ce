package dev.freshjwt.internal.undertow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which {@code Cookie} headers Undertow cannot parse (and WildFly would answer with a 500). */
class CookieHeaderCheckTest {

    @Test
    void printableAsciiAndTabsAreParsable() {
        assertFalse(CookieHeaderCheck.unparsable(List.of("a=b; __Host-access_token=eyJ.x-y_z; c=\"q\"", "d=e\tf")));
        assertFalse(CookieHeaderCheck.unparsable(List.of()));
    }

    @Test
    void aByteOutsidePrintableAsciiIsNot() {
        String utf8 = new String("other=\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertTrue(CookieHeaderCheck.unparsable(List.of(utf8)), "UTF-8, read one byte a character");
        assertTrue(CookieHeaderCheck.unparsable(List.of("a=b", "other=\u00e9")), "Latin-1, in a second header");
        assertTrue(CookieHeaderCheck.unparsable(List.of("a=\u007f")), "DEL");
        assertTrue(CookieHeaderCheck.unparsable(List.of("a=\u0001")), "a control character");
    }
}
