package dev.freshjwt.internal.cookie;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where the caller's verified token came from, as the servlet filter records it in a request attribute (a JAX-RS
 * request property too) for the later stages of the same request: implicit refresh, the CSRF-aware guard.
 */
public enum TokenSource {

    /** {@code Authorization: Bearer}, sent by the client. */
    HEADER,
    /** The access-token cookie. */
    ACCESS_COOKIE,
    /** The refresh-token cookie. */
    REFRESH_COOKIE;

    /** The request attribute holding the {@link TokenSource} of a request with a verified token. */
    public static final String ATTRIBUTE = "dev.freshjwt.token-source";

    /** The request attribute holding the {@code Rejection} that kept a token cookie from being used. */
    public static final String COOKIE_REFUSAL = "dev.freshjwt.cookie-refusal";

    /**
     * A token counts as a cookie's when it is the value of one of the token cookies. A client that sends the same
     * token in the header too is treated as the cookie's caller: the stricter case, CSRF included.
     */
    public static TokenSource of(HttpServletRequest request, JsonWebToken token, CookieSettings settings) {
        String raw = token.getRawToken();
        if (settings.cookie() && raw != null && request.getHeader("Cookie") != null) {
            if (raw.equals(CookieHeader.value(request.getHeaders("Cookie"), settings.accessName()))) {
                return ACCESS_COOKIE;
            }
            if (raw.equals(CookieHeader.value(request.getHeaders("Cookie"), settings.refreshName()))) {
                return REFRESH_COOKIE;
            }
        }
        return HEADER;
    }

    /** Whether this source is a cookie. */
    public boolean isCookie() {
        return this != HEADER;
    }
}
