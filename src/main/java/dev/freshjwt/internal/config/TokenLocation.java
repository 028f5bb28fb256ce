package dev.freshjwt.internal.config;

import static dev.freshjwt.FreshJwtConfig.TOKEN_LOCATION;

import dev.freshjwt.InvalidConfigurationException;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * Where the application reads tokens ({@value dev.freshjwt.FreshJwtConfig#TOKEN_LOCATION}): the cookie settings build on
 * it, and the refusal of a request without any token names what was missing. Immutable.
 *
 * @param header whether {@code Authorization: Bearer} is read
 * @param cookie whether token cookies are read
 */
public record TokenLocation(boolean header, boolean cookie) {

    /** The default: bearer headers only. */
    public static final TokenLocation HEADER = new TokenLocation(true, false);

    /**
     * Reads and checks {@value dev.freshjwt.FreshJwtConfig#TOKEN_LOCATION}: {@code header}, {@code cookie} or both,
     * separated by a comma.
     *
     * @throws InvalidConfigurationException naming the key when the value is anything else
     */
    public static TokenLocation load(Config config) {
        String location = ConfigValues.text(config, TOKEN_LOCATION).orElse("header");
        boolean header = false;
        boolean cookie = false;
        for (String part : location.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "header" -> header = true;
                case "cookie" -> cookie = true;
                default -> throw new InvalidConfigurationException(TOKEN_LOCATION
                        + " must be header, cookie or header,cookie, not '" + location + "'");
            }
        }
        return new TokenLocation(header, cookie);
    }

    /** The configured value, as {@link #load} reads it back. */
    @Override
    public String toString() {
        return header && cookie ? "header,cookie" : cookie ? "cookie" : "header";
    }
}
