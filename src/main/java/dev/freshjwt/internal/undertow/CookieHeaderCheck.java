package dev.freshjwt.internal.undertow;

import dev.freshjwt.internal.guard.CachePolicy;
import dev.freshjwt.internal.guard.Challenges;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers a {@code Cookie} header that WildFly cannot parse with a 400 problem instead of WildFly's 500. Undertow
 * (2.3, {@code LegacyCookieSupport}) throws {@code UT000173: An invalid control character} for any byte of a cookie
 * below {@code 0x20} (but tab) or from {@code 0x7f}, a UTF-8 or Latin-1 {@code é} say, and it parses the cookies of
 * every request when it looks up the session cookie: so one odd cookie of any name, which another application of the
 * same site may have set, made every URL an HTML 500, and no setting of Undertow or WildFly makes the parsing
 * lenient. Payara Micro and Open Liberty answer such requests without a 5xx. Thread-safe.
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

    /** Writes the 400 problem through the servlet response, so that Undertow completes the request as usual. */
    static void refuse(HttpServerExchange exchange) throws IOException {
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        HttpServletResponse response = (HttpServletResponse) servlet.getServletResponse();
        byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Cache-Control", CachePolicy.NO_STORE);
        response.setContentType(Challenges.PROBLEM_JSON);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
