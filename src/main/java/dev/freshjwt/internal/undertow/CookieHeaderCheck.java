package dev.freshjwt.internal.undertow;

import dev.freshjwt.internal.guard.CachePolicy;
import dev.freshjwt.internal.guard.Challenges;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;

/**
 * Answers a {@code Cookie} header that WildFly cannot parse with a 400 problem instead of WildFly's 500. Undertow
 * (2.3, {@code LegacyCookieSupport}) throws {@code UT000173: An invalid control character} for any byte of a cookie
 * below {@code 0x20} (but tab) or from {@code 0x7f}, a UTF-8 or Latin-1 {@code é} say, and it parses the cookies of
 * every request when it looks up the session cookie: so one odd cookie of any name, which another application of the
 * same site may have set, made every URL an HTML 500, and no setting of Undertow or WildFly makes the parsing
 * lenient (it throws from the first request listener, Weld's, on: before the servlet filters and security). Payara
 * Micro and Open Liberty answer such requests without a 5xx. Thread-safe.
 */
final class CookieHeaderCheck {

    static final String PROBLEM = "{\"type\":\"" + Challenges.PROBLEM_BASE + "invalid-cookie-header\","
            + "\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"The Cookie header holds a byte outside printable ASCII\"}";

    private CookieHeaderCheck() {
    }

    /** Whether the request's cookies hold a character Undertow refuses to parse. */
    static boolean unparsable(HttpServerExchange exchange) {
        HeaderValues cookies = exchange.getRequestHeaders().get(Headers.COOKIE);
        return cookies != null && unparsable(cookies);
    }

    /** As Undertow reads them: one byte a character (Latin-1). */
    static boolean unparsable(Iterable<String> cookieHeaders) {
        for (String cookie : cookieHeaders) {
            for (int i = 0; i < cookie.length(); i++) {
                char c = cookie.charAt(i);
                if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes the 400 problem; Undertow's first handler, so before any servlet request exists. */
    static void refuse(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        exchange.setStatusCode(StatusCodes.BAD_REQUEST);
        headers.put(Headers.CACHE_CONTROL, CachePolicy.NO_STORE);
        headers.put(Headers.CONTENT_TYPE, Challenges.PROBLEM_JSON);
        headers.put(Headers.CONTENT_LENGTH, PROBLEM.length()); // ASCII: one byte a character
        exchange.getResponseSender().send(PROBLEM, StandardCharsets.UTF_8);
    }
}
