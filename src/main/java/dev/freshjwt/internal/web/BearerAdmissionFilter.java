package dev.freshjwt.internal.web;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.internal.cookie.CookieBridge;
import dev.freshjwt.internal.cookie.CookieHeader;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.cookie.TokenSource;
import dev.freshjwt.internal.guard.BearerAdmission;
import dev.freshjwt.internal.guard.CachePolicy;
import dev.freshjwt.internal.guard.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies {@link BearerAdmission} to every request of the application (declared in the library's
 * {@code web-fragment.xml}), after the container's authentication and before any servlet, JAX-RS included: a
 * bearer token that cannot be used gets freshjwt's 401 on every URL, as Payara and WildFly give it for tokens
 * they cannot verify, also where no endpoint matches. A request it lets through carries no challenge the
 * container set in advance (Open Liberty adds one to anonymous requests that sent any {@code Authorization}):
 * challenges belong to 401 responses, which the application writes itself.
 *
 * <p>With token cookies on, it also records for the later stages of the request where the caller's token came from
 * ({@link TokenSource#ATTRIBUTE}), and why a token cookie was not used ({@link TokenSource#COOKIE_REFUSAL}), which
 * the server's cookie bridge decided before authentication. A bad cookie never refuses the request here: public URLs
 * still answer; where a token is required the guard answers with that reason.
 *
 * <p>A request that carries a token gets {@code Cache-Control: no-store} before the application runs
 * ({@link CachePolicy}); the application may set its own in its place.
 */
public class BearerAdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CHALLENGE = "WWW-Authenticate";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String COOKIES_ONLY = "This application accepts tokens in cookies only ("
            + FreshJwtConfig.TOKEN_LOCATION + "=cookie)";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        JsonWebToken token = caller instanceof JsonWebToken jwt && jwt.getRawToken() != null ? jwt : null;
        String authorization = request.getHeader("Authorization");
        Optional<CookieBridge> bridge = CookieBridge.current();
        CookieSettings cookies = bridge.map(CookieBridge::settings).orElse(CookieSettings.HEADER_ONLY);
        TokenSource source = token == null ? null : TokenSource.of(request, token, cookies);
        Optional<Rejection> rejection;
        if (source != null && source.isCookie()) {
            rejection = BearerAdmission.check(null, token); // a bridge may have put the cookie in the header
        } else if (!cookies.header() && Rejection.isBearer(authorization)) {
            rejection = Optional.of(Rejection.invalid(COOKIES_ONLY));
        } else {
            rejection = BearerAdmission.check(authorization, token);
        }
        if (rejection.isPresent()) {
            ServletChallenge.write(response, rejection.get(), token);
            return;
        }
        if (response.containsHeader(CHALLENGE)) {
            response.setHeader(CHALLENGE, null);
        }
        if (source != null) {
            request.setAttribute(TokenSource.ATTRIBUTE, source);
        } else if (authorization == null && cookies.cookie() && request.getAttribute(TokenSource.COOKIE_REFUSAL) == null
                && request.getHeader("Cookie") != null) {
            // The bridge of this server could not record why it dropped a cookie: ask it again (only when one was dropped).
            bridge.get().present(request);
        }
        if (token != null || authorization != null || carriesTokenCookie(request, cookies)) {
            response.setHeader(CACHE_CONTROL, CachePolicy.NO_STORE);
            request.setAttribute(CachePolicy.PRESET, Boolean.TRUE);
        }
        request.setAttribute(BearerAdmission.ADMITTED, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    /** A token cookie the bridge did not use (expired, say) still makes the answer the caller's. */
    private static boolean carriesTokenCookie(HttpServletRequest request, CookieSettings cookies) {
        return cookies.cookie() && request.getHeader("Cookie") != null
                && (CookieHeader.value(request.getHeaders("Cookie"), cookies.accessName()) != null
                        || CookieHeader.value(request.getHeaders("Cookie"), cookies.refreshName()) != null);
    }
}
