package dev.freshjwt.internal.cookie;

import static dev.freshjwt.FreshJwtConfig.COOKIE_ACCESS_NAME;
import static dev.freshjwt.FreshJwtConfig.COOKIE_CSRF_ACCESS_NAME;
import static dev.freshjwt.FreshJwtConfig.COOKIE_CSRF_REFRESH_NAME;
import static dev.freshjwt.FreshJwtConfig.COOKIE_REFRESH_NAME;
import static dev.freshjwt.FreshJwtConfig.COOKIE_REFRESH_PATH;
import static dev.freshjwt.FreshJwtConfig.COOKIE_SAME_SITE;
import static dev.freshjwt.FreshJwtConfig.COOKIE_SECURE;
import static dev.freshjwt.FreshJwtConfig.CSRF_HEADER;
import static dev.freshjwt.FreshJwtConfig.IMPLICIT_REFRESH_WINDOW;
import static dev.freshjwt.FreshJwtConfig.TOKEN_LOCATION;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import dev.freshjwt.internal.config.TokenLocation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Where tokens travel and how their cookies look, read once from MicroProfile Config and checked. Immutable.
 *
 * @param header whether {@code Authorization: Bearer} is read
 * @param cookie whether token cookies are read (and minted tokens carry a CSRF claim)
 * @param secure the {@code Secure} attribute
 * @param sameSite the {@code SameSite} attribute: {@code Strict}, {@code Lax} or {@code None}
 * @param accessName the HttpOnly access-token cookie
 * @param refreshName the HttpOnly refresh-token cookie
 * @param refreshPath the refresh endpoint's path within the application
 * @param csrfAccessName the readable cookie with the access token's CSRF value
 * @param csrfRefreshName the readable cookie with the refresh token's CSRF value
 * @param csrfHeader the request header that repeats the CSRF value
 * @param implicitRefreshWindow how close to its expiry a cookie access token is renewed; empty: never
 */
public record CookieSettings(boolean header, boolean cookie, boolean secure, String sameSite, String accessName,
        String refreshName, String refreshPath, String csrfAccessName, String csrfRefreshName, String csrfHeader,
        Optional<Duration> implicitRefreshWindow) {

    /** Today's behaviour: bearer headers only. */
    public static final CookieSettings HEADER_ONLY = new CookieSettings(true, false, true, "Strict", "__Host-access_token",
            "__Secure-refresh_token", "/refresh", "__Host-csrf_access_token", "__Host-csrf_refresh_token", "X-CSRF-TOKEN",
            Optional.empty());

    private static final String HOST_PREFIX = "__Host-";
    private static final String SECURE_PREFIX = "__Secure-";
    /** RFC 6265 cookie-name: an RFC 7230 token. */
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    /**
     * Reads and checks the settings.
     *
     * @throws InvalidConfigurationException naming the key that is wrong
     */
    public static CookieSettings load(Config config) {
        TokenLocation location = TokenLocation.load(config);
        boolean header = location.header();
        boolean cookie = location.cookie();
        boolean secure = ConfigValues.bool(config, COOKIE_SECURE, true);
        String sameSite = sameSite(config, secure);
        String accessName = name(config, COOKIE_ACCESS_NAME, "access_token", HOST_PREFIX, secure);
        String refreshName = name(config, COOKIE_REFRESH_NAME, "refresh_token", SECURE_PREFIX, secure);
        if (refreshName.startsWith(HOST_PREFIX)) {
            throw new InvalidConfigurationException(COOKIE_REFRESH_NAME + " must not start with " + HOST_PREFIX
                    + ": such a cookie must have Path=/, and the refresh cookie is sent to the refresh endpoint only."
                    + " Use " + SECURE_PREFIX + " instead");
        }
        String csrfAccessName = name(config, COOKIE_CSRF_ACCESS_NAME, "csrf_access_token", HOST_PREFIX, secure);
        String csrfRefreshName = name(config, COOKIE_CSRF_REFRESH_NAME, "csrf_refresh_token", HOST_PREFIX, secure);
        List<String> names = List.of(accessName, refreshName, csrfAccessName, csrfRefreshName);
        if (new HashSet<>(names).size() != names.size()) {
            throw new InvalidConfigurationException("The four freshjwt cookie names must differ, not " + names + " ("
                    + COOKIE_ACCESS_NAME + ", " + COOKIE_REFRESH_NAME + ", " + COOKIE_CSRF_ACCESS_NAME + ", "
                    + COOKIE_CSRF_REFRESH_NAME + ")");
        }
        String refreshPath = ConfigValues.text(config, COOKIE_REFRESH_PATH).orElse("/refresh");
        if (!refreshPath.startsWith("/") || refreshPath.chars().anyMatch(c -> c <= ' ' || c == ';' || c >= 0x7f)) {
            throw new InvalidConfigurationException(COOKIE_REFRESH_PATH
                    + " must be a path starting with '/' without spaces or ';', not '" + refreshPath + "'");
        }
        String csrfHeader = ConfigValues.text(config, CSRF_HEADER).orElse("X-CSRF-TOKEN");
        if (!isToken(csrfHeader)) {
            throw new InvalidConfigurationException(CSRF_HEADER + " must be a header name, not '" + csrfHeader + "'");
        }
        Optional<Duration> window = ConfigValues.text(config, IMPLICIT_REFRESH_WINDOW)
                .map(text -> ConfigValues.positiveDuration(config, IMPLICIT_REFRESH_WINDOW, Duration.ZERO));
        if (window.isPresent() && !cookie) {
            throw new InvalidConfigurationException(IMPLICIT_REFRESH_WINDOW + " renews access-token cookies, but "
                    + TOKEN_LOCATION + " is '" + location + "': add cookie to it, or remove " + IMPLICIT_REFRESH_WINDOW);
        }
        return new CookieSettings(header, cookie, secure, sameSite, accessName, refreshName, refreshPath, csrfAccessName,
                csrfRefreshName, csrfHeader, window);
    }

    /** Where tokens are read: the header, the cookies or both. */
    public TokenLocation location() {
        return new TokenLocation(header, cookie);
    }

    /** The names of the two HttpOnly token cookies and the two readable CSRF cookies. */
    public Set<String> names() {
        return Set.of(accessName, refreshName, csrfAccessName, csrfRefreshName);
    }

    private static String sameSite(Config config, boolean secure) {
        String value = ConfigValues.text(config, COOKIE_SAME_SITE).orElse("Strict");
        String canonical = switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> throw new InvalidConfigurationException(COOKIE_SAME_SITE + " must be Strict, Lax or None, not '"
                    + value + "'");
        };
        if (canonical.equals("None") && !secure) {
            throw new InvalidConfigurationException(COOKIE_SAME_SITE + "=None requires " + COOKIE_SECURE
                    + "=true: browsers refuse SameSite=None cookies that are not Secure");
        }
        return canonical;
    }

    /** A configured name, or the default with the prefix the cookie's attributes allow. */
    private static String name(Config config, String key, String base, String prefix, boolean secure) {
        Optional<String> configured = ConfigValues.text(config, key);
        if (configured.isEmpty()) {
            return secure ? prefix + base : base;
        }
        String name = configured.get();
        if (!isToken(name)) {
            throw new InvalidConfigurationException(key + " must be a cookie name (letters, digits and "
                    + TOKEN_CHARS + "), not '" + name + "'");
        }
        boolean prefixed = name.regionMatches(true, 0, HOST_PREFIX, 0, HOST_PREFIX.length())
                || name.regionMatches(true, 0, SECURE_PREFIX, 0, SECURE_PREFIX.length());
        if (prefixed && !secure) {
            throw new InvalidConfigurationException(key + " is '" + name + "', but browsers drop " + HOST_PREFIX + " and "
                    + SECURE_PREFIX + " cookies that are not Secure (" + COOKIE_SECURE + "=false): choose another name");
        }
        return name;
    }

    private static boolean isToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c > ' ' && c < 0x7f
                && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0));
    }
}
