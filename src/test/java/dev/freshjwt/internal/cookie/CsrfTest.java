package dev.freshjwt.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {

    @Test
    void valuesAreRandomAndUrlSafe() {
        String value = Csrf.newValue();
        assertEquals(32, value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertNotEquals(value, Csrf.newValue());
    }

    @Test
    void onlyTheSameValueMatches() {
        assertTrue(Csrf.matches("abc", "abc"));
        assertFalse(Csrf.matches("abc", "abd"));
        assertFalse(Csrf.matches("abc", "ab"));
        assertFalse(Csrf.matches("abc", null));
        assertFalse(Csrf.matches(null, "abc"));
        assertFalse(Csrf.matches("", ""));
    }

    @Test
    void stateChangingMethodsAreChecked() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertTrue(Csrf.isUnsafe(method), method);
        }
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertFalse(Csrf.isUnsafe(method), method);
        }
    }
}
