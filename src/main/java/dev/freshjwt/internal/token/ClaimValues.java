package dev.freshjwt.internal.token;

import dev.freshjwt.TokenType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads claim values as every server hands them out. The same claim arrives as {@code Boolean} (Open
 * Liberty) or {@code JsonValue.TRUE} (Payara, WildFly); {@code auth_time} as {@code Long}, {@code JsonNumber},
 * {@code null} (Payara) or {@code 0} (SmallRye) when absent; arrays as {@code Set<String>} or
 * {@code JsonArray}. Nothing here throws on odd input: an unexpected shape reads as absent.
 */
public final class ClaimValues {

    /** What {@link #epochSeconds} returns for an absent or unusable time. */
    public static final long ABSENT = -1;

    private ClaimValues() {
    }

    /** {@code true} only for a boolean true, in any of its representations. */
    public static boolean isTrue(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof JsonValue json) {
            return json.getValueType() == JsonValue.ValueType.TRUE
                    || json instanceof JsonString string && "true".equals(string.getString());
        }
        return value instanceof String string && "true".equals(string);
    }

    /**
     * freshjwt's {@code fresh} claim: empty when the token has none (a token from an OpenID provider, judged by its
     * {@code iat} and {@code auth_time} instead), else whether it is {@linkplain #isTrue true}.
     */
    public static Optional<Boolean> freshFlag(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(isTrue(value));
    }

    /** A positive NumericDate in whole seconds, or {@link #ABSENT}; {@code 0} counts as absent. */
    public static long epochSeconds(Object value) {
        long seconds;
        if (value instanceof Number number) {
            seconds = number.longValue();
        } else if (value instanceof JsonNumber number) {
            seconds = number.bigDecimalValue().longValue();
        } else if (value instanceof String || value instanceof JsonString) {
            try {
                seconds = Long.parseLong(text(value));
            } catch (NumberFormatException e) {
                return ABSENT;
            }
        } else {
            return ABSENT;
        }
        return seconds > 0 ? seconds : ABSENT;
    }

    /** A whole number from 0 up, in any of its representations; {@code -1} for anything else (fractions included). */
    public static long wholeNumber(Object value) {
        java.math.BigDecimal number;
        if (value instanceof Long || value instanceof Integer) {
            number = java.math.BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof JsonNumber json) {
            number = json.bigDecimalValue();
        } else {
            return -1;
        }
        try {
            long whole = number.longValueExact();
            return whole >= 0 ? whole : -1;
        } catch (ArithmeticException notWhole) {
            return -1;
        }
    }

    /** The string, or {@code null} for anything else. */
    public static String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        return value instanceof JsonString json ? json.getString() : null;
    }

    /** The strings of an array claim (a lone string counts as one); other members are skipped. */
    public static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            for (Object member : collection) {
                String text = text(member);
                if (text != null) {
                    result.add(text);
                }
            }
        } else if (text(value) != null) {
            result.add(text(value));
        }
        return result;
    }

    /**
     * The token type: {@link TokenType#ACCESS} when the claim is absent (tokens minted by an identity provider),
     * {@code null} for a value that names neither type.
     */
    public static TokenType tokenType(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return TokenType.ACCESS;
        }
        String text = text(value);
        if (TokenType.ACCESS.claimValue().equals(text)) {
            return TokenType.ACCESS;
        }
        return TokenType.REFRESH.claimValue().equals(text) ? TokenType.REFRESH : null;
    }
}
