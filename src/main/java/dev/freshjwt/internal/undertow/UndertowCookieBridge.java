package dev.freshjwt.internal.undertow;

import dev.freshjwt.internal.cookie.CookieBridge;
import dev.freshjwt.internal.cookie.CookieHeader;
import dev.freshjwt.internal.cookie.TokenSource;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.util.Collections;

/**
 * Lets WildFly's MicroProfile JWT read a token from a browser cookie. WildFly's own cookie mode reads only the cookie
 * (a header is ignored while a cookie is present) and answers a bad cookie with 401 on every URL; so instead the
 * {@link UndertowExtension}'s handler, before security, sets the request's {@code Authorization} header to
 * {@code Bearer <cookie>} when the {@link CookieBridge} presents a cookie. WildFly then verifies the token as always,
 * and the caller is the same in every layer.
 */
final class UndertowCookieBridge {

    private UndertowCookieBridge() {
    }

    static void present(HttpServerExchange exchange) {
        CookieBridge bridge = CookieBridge.current().orElse(null);
        if (bridge == null) {
            return; // CDI has not started yet: the application is not serving
        }
        HeaderMap headers = exchange.getRequestHeaders();
        HeaderValues cookies = headers.get(Headers.COOKIE);
        if (cookies == null) {
            return;
        }
        CookieBridge.Decision decision = bridge.decide(exchange.getRequestMethod().toString(),
                headers.getFirst(Headers.AUTHORIZATION), name -> CookieHeader.value(Collections.enumeration(cookies), name),
                headers.getFirst(bridge.settings().csrfHeader()));
        if (decision.token() != null) {
            headers.put(Headers.AUTHORIZATION, "Bearer " + decision.token());
        } else if (decision.refusal() != null) {
            ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            if (servlet != null) {
                servlet.getServletRequest().setAttribute(TokenSource.COOKIE_REFUSAL, decision.refusal());
            }
        }
    }
}
