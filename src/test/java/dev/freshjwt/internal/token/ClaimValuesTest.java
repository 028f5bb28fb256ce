package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimValuesTest {

    @Test
    void freshIsTrueInEveryServersRepresentation() {
        assertTrue(ClaimValues.isTrue(Boolean.TRUE)); // Open Liberty
        assertTrue(ClaimValues.isTrue(JsonValue.TRUE)); // Payara, WildFly
        assertTrue(ClaimValues.isTrue("true"));
        assertTrue(ClaimValues.isTrue(Json.createValue("true")));
    }

    @Test
    void theFreshFlagIsAbsentOnlyWhenTheClaimIs() {
        assertEquals(Optional.empty(), ClaimValues.freshFlag(null));
        assertEquals(Optional.empty(), ClaimValues.freshFlag(JsonValue.NULL));
        assertEquals(Optional.of(true), ClaimValues.freshFlag(JsonValue.TRUE));
        assertEquals(Optional.of(true), ClaimValues.freshFlag(Boolean.TRUE));
        for (Object notFresh : new Object[] {JsonValue.FALSE, Boolean.FALSE, "yes", 1, Json.createValue(1)}) {
            assertEquals(Optional.of(false), ClaimValues.freshFlag(notFresh), String.valueOf(notFresh));
        }
    }

    @Test
    void wholeNumbersAreReadInEveryRepresentationAndNothingElseIs() {
        assertEquals(3, ClaimValues.wholeNumber(3L));
        assertEquals(3, ClaimValues.wholeNumber(3));
        assertEquals(3, ClaimValues.wholeNumber(Json.createValue(3)));
        assertEquals(0, ClaimValues.wholeNumber(Json.createValue(0L)));
        for (Object value : new Object[] {null, -1L, 2.5, Json.createValue(2.5), Json.createValue(-4), "3",
                Json.createValue("3"), JsonValue.TRUE, Json.createValue(new java.math.BigDecimal("1e40"))}) {
            assertEquals(-1, ClaimValues.wholeNumber(value), String.valueOf(value));
        }
    }

    @Test
    void anythingElseIsNotFresh() {
        for (Object value : new Object[] {null, Boolean.FALSE, JsonValue.FALSE, JsonValue.NULL, "yes", 1, Json.createValue(1)}) {
            assertFalse(ClaimValues.isTrue(value), String.valueOf(value));
        }
    }

    @Test
    void authTimeIsReadFromNumbersAndJsonNumbers() {
        assertEquals(1_700_000_000L, ClaimValues.epochSeconds(1_700_000_000L));
        assertEquals(1_700_000_000L, ClaimValues.epochSeconds(1_700_000_000));
        assertEquals(1_700_000_000L, ClaimValues.epochSeconds(Json.createValue(1_700_000_000L)));
        assertEquals(1_700_000_000L, ClaimValues.epochSeconds("1700000000"));
    }

    @Test
    void missingAuthTimeIsAbsentWhetherNullOrZero() {
        assertEquals(ClaimValues.ABSENT, ClaimValues.epochSeconds(null)); // Payara
        assertEquals(ClaimValues.ABSENT, ClaimValues.epochSeconds(0L)); // SmallRye
        assertEquals(ClaimValues.ABSENT, ClaimValues.epochSeconds("soon"));
        assertEquals(ClaimValues.ABSENT, ClaimValues.epochSeconds(JsonValue.TRUE));
        assertEquals(ClaimValues.ABSENT, ClaimValues.epochSeconds(-5));
    }

    @Test
    void groupsAreReadFromSetsAndJsonArrays() {
        assertEquals(List.of("user"), ClaimValues.strings(Set.of("user")));
        assertEquals(List.of("a", "b"), ClaimValues.strings(Json.createArrayBuilder().add("a").add(1).add("b").build()));
        assertEquals(List.of("solo"), ClaimValues.strings("solo"));
        assertEquals(List.of(), ClaimValues.strings(null));
    }

    @Test
    void tokenTypeDefaultsToAccessAndRejectsUnknownValues() {
        assertEquals(TokenType.ACCESS, ClaimValues.tokenType(null));
        assertEquals(TokenType.ACCESS, ClaimValues.tokenType("access"));
        assertEquals(TokenType.REFRESH, ClaimValues.tokenType(Json.createValue("refresh")));
        assertNull(ClaimValues.tokenType("id"));
        assertNull(ClaimValues.tokenType(JsonValue.TRUE));
    }
}
