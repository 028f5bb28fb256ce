package dev.freshjwt.internal.jaxrs;

import dev.freshjwt.TokenCookies;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenRejectedException;
import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.cookie.TokenSource;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Implicit refresh ({@code freshjwt.implicit-refresh.window}): after a request authenticated by the access-token
 * cookie has succeeded ({@code 2xx}), and when that token expires within the window, the response sets a new access
 * cookie and CSRF cookie. The new token is never fresh; it keeps the subject, groups, session and {@code auth_time}
 * ({@link TokenIssuer#renewAccessToken}). Never for a token from the {@code Authorization} header or the refresh
 * cookie, an expired or revoked token, an error response, or a response that already sets freshjwt's cookies (a
 * login, refresh or logout: a logout has revoked the token besides).
 */
@Provider
public class ImplicitRefreshFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ImplicitRefreshFilter.class.getName());

    private volatile Beans beans;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TokenSource.ATTRIBUTE) != TokenSource.ACCESS_COOKIE
                || response.getStatus() < 200 || response.getStatus() > 299
                || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Beans current = beans();
        Optional<Duration> window = current.window();
        if (window.isEmpty() || setsOwnCookies(response, current.cookies())) {
            return;
        }
        long expiry = ClaimValues.epochSeconds(token.getClaim("exp"));
        long now = current.clock().instant().getEpochSecond();
        if (expiry == ClaimValues.ABSENT || expiry <= now || expiry - now > window.get().toSeconds()) {
            return;
        }
        String renewed;
        try {
            renewed = current.issuer().renewAccessToken(token);
        } catch (TokenRejectedException revoked) {
            return;
        } catch (RuntimeException e) {
            // The revocation store is down, say: the request succeeded; it keeps its answer and its cookie.
            LOG.log(Level.WARNING, "freshjwt could not renew an access cookie; the response goes without a new one", e);
            return;
        }
        current.cookies().setCookieHeaders(renewed).forEach(header -> response.getHeaders().add(HttpHeaders.SET_COOKIE, header));
    }

    private static boolean setsOwnCookies(ContainerResponseContext response, TokenCookies cookies) {
        List<String> setCookies = response.getStringHeaders().get(HttpHeaders.SET_COOKIE);
        return setCookies != null && setCookies.stream().anyMatch(cookies::isOwnCookie);
    }

    private Beans beans() {
        Beans current = beans;
        if (current == null) {
            // Providers are created by JAX-RS, not CDI: look the beans up once.
            CDI<Object> cdi = CDI.current();
            Instance<Clock> clock = cdi.select(Clock.class);
            current = new Beans(cdi.select(FreshJwtExtension.class).get().cookieSettings().implicitRefreshWindow(),
                    cdi.select(TokenIssuer.class).get(), cdi.select(TokenCookies.class).get(),
                    clock.isResolvable() ? clock.get() : Clock.systemUTC());
            beans = current;
        }
        return current;
    }

    private record Beans(Optional<Duration> window, TokenIssuer issuer, TokenCookies cookies, Clock clock) {
    }
}
