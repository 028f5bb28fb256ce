package dev.freshjwt.demo;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Claim values as {@code JsonWebToken.getClaim} hands them out, which differs by server: JSON-P types on Payara and
 * WildFly for claims MicroProfile JWT does not define, plain Java types on Open Liberty.
 */
final class Claims {

    private Claims() {
    }

    /** {@code fresh}: {@code JsonValue.TRUE} (Payara, WildFly) or {@code Boolean} (Open Liberty). */
    static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || JsonValue.TRUE.equals(claim);
    }

    /** {@code auth_time}: a {@code Long} or a {@code JsonNumber}; absent as {@code null} or {@code 0}. */
    static long seconds(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : 0;
    }

    /** {@code acr}: a {@code String} or a {@code JsonString}; anything else (absent, odd) as {@code null}. */
    static String text(Object claim) {
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim instanceof String string ? string : null;
    }

    /**
     * {@code amr}: a {@code Set} or {@code List} of {@code String} or {@code JsonString}, or a {@code JsonArray}; the
     * texts in it, in order, anything that is not text left out; absent or odd as an empty list.
     */
    static List<String> texts(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream().map(Claims::text).filter(Objects::nonNull).toList();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(Claims::text).filter(Objects::nonNull).toList();
        }
        String single = text(claim);
        return single == null ? List.of() : List.of(single);
    }
}
