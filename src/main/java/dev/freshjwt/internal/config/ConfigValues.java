package dev.freshjwt.internal.config;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** Typed reads of single MicroProfile Config values, each failure naming its key. */
public final class ConfigValues {

    private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private ConfigValues() {
    }

    /** A value that is set and not blank, trimmed. */
    public static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A positive ISO-8601 duration such as {@code PT15M} or {@code P30D}. */
    public static Duration positiveDuration(Config config, String key, Duration defaultValue) {
        Duration duration = duration(config, key, defaultValue);
        if (duration.isZero()) {
            throw new InvalidConfigurationException(key + " must be positive, not " + duration);
        }
        return duration;
    }

    /** A non-negative ISO-8601 duration such as {@code PT0S} or {@code PT15M}. */
    public static Duration duration(Config config, String key, Duration defaultValue) {
        Optional<String> text = text(config, key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Duration duration;
        try {
            duration = Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(
                    key + " must be an ISO-8601 duration such as PT15M or P30D, not '" + text.get() + "'", e);
        }
        if (duration.isNegative()) {
            throw new InvalidConfigurationException(key + " must not be negative, not " + text.get());
        }
        return duration;
    }

    /** A comma-separated list, empty entries dropped. */
    public static List<String> list(Config config, String key) {
        return text(config, key)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** A boolean, {@code true} or {@code false} (any case). */
    public static boolean bool(Config config, String key, boolean defaultValue) {
        Optional<String> text = text(config, key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (!text.get().equalsIgnoreCase("true") && !text.get().equalsIgnoreCase("false")) {
            throw new InvalidConfigurationException(key + " must be true or false, not '" + text.get() + "'");
        }
        return Boolean.parseBoolean(text.get());
    }

    /** {@value FreshJwtConfig#MP_CLOCK_SKEW} in seconds; 60 when unset, as the MicroProfile JWT specification says. */
    public static Duration clockSkew(Config config) {
        Optional<String> text = text(config, FreshJwtConfig.MP_CLOCK_SKEW);
        if (text.isEmpty()) {
            return DEFAULT_CLOCK_SKEW;
        }
        try {
            long seconds = Long.parseLong(text.get());
            if (seconds < 0) {
                throw new NumberFormatException("negative");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(
                    FreshJwtConfig.MP_CLOCK_SKEW + " must be a whole number of seconds >= 0, not '" + text.get() + "'", e);
        }
    }
}
