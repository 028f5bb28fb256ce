package dev.freshjwt;

import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.cookie.SetCookie;
import dev.freshjwt.internal.cookie.TokenSource;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Answers a login, a refresh or a logout with cookies instead of tokens in the body, for browsers: page scripts never
 * see a token. Turn cookies on with {@code freshjwt.token.location=cookie} (or {@code header,cookie}); then every minted
 * token carries a random {@value FreshJwtClaims#CSRF} claim, and a token that arrives in a cookie is the caller's
 * identity exactly as a bearer token is.
 *
 * <pre>{@code
 * @POST @Path("session")                                   // log in
 * public Response login(Credentials c) {
 *     TokenPair tokens = issuer.login(users.check(c).name(), "user");
 *     return cookies.set(Response.noContent(), tokens).build();
 * }
 *
 * @POST @Path("session/refresh") @RefreshTokenRequired     // freshjwt.cookie.refresh.path=/session/refresh
 * public Response refresh() {
 *     TokenPair next = issuer.refreshTokens(caller);
 *     return (issuer.rotatesRefreshTokens() ? cookies.set(Response.noContent(), next)
 *             : cookies.setAccessToken(Response.noContent(), next.accessToken())).build();
 * }
 *
 * @DELETE @Path("session") @AccessTokenRequired            // log out
 * public Response logout() {
 *     revoker.revokeSession(caller);
 *     return cookies.clear(Response.noContent()).build();
 * }
 * }</pre>
 *
 * <p>The cookies (default names; {@code Secure} and {@code SameSite=Strict} on all four unless configured otherwise):
 * <ul>
 *   <li>{@code __Host-access_token}: the access token, {@code HttpOnly}, {@code Path=/};</li>
 *   <li>{@code __Secure-refresh_token}: the refresh token, {@code HttpOnly}, sent only to the refresh endpoint
 *       ({@code Path=} the context path and {@code freshjwt.cookie.refresh.path});</li>
 *   <li>{@code __Host-csrf_access_token} and {@code __Host-csrf_refresh_token}: each token's CSRF value, readable by
 *       page scripts, {@code Path=/}. A state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 *       {@code DELETE}) authenticated by a cookie must repeat the value in the {@code X-CSRF-TOKEN} header.</li>
 * </ul>
 * Each cookie expires with its token. Thread-safe.
 */
@ApplicationScoped
public class TokenCookies {

    private final CookieSettings settings;
    private final Clock clock;
    private final Instance<HttpServletRequest> request;

    /** For the CDI proxy only. */
    protected TokenCookies() {
        this.settings = null;
        this.clock = null;
        this.request = null;
    }

    @Inject
    TokenCookies(FreshJwtExtension extension, Instance<Clock> clock, Instance<HttpServletRequest> request) {
        this.settings = extension.cookieSettings();
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.request = request;
    }

    /**
     * Adds the access-token, refresh-token and both CSRF cookies: the answer to a login, or to a refresh with rotation.
     *
     * @throws IllegalStateException when cookies are off ({@code freshjwt.token.location})
     * @throws IllegalArgumentException when a token was minted without a CSRF claim (before cookies were turned on)
     */
    public Response.ResponseBuilder set(Response.ResponseBuilder response, TokenPair tokens) {
        return add(response, setCookieHeaders(tokens));
    }

    /**
     * Adds the access-token cookie and its CSRF cookie: the answer to a refresh without rotation.
     *
     * @throws IllegalStateException when cookies are off ({@code freshjwt.token.location})
     * @throws IllegalArgumentException when the token was minted without a CSRF claim
     */
    public Response.ResponseBuilder setAccessToken(Response.ResponseBuilder response, String accessToken) {
        return add(response, setCookieHeaders(accessToken));
    }

    /**
     * Deletes all four cookies ({@code Max-Age=0}, same names and paths): the answer to a logout, after revoking.
     *
     * @throws IllegalStateException when cookies are off ({@code freshjwt.token.location})
     */
    public Response.ResponseBuilder clear(Response.ResponseBuilder response) {
        return add(response, clearingHeaders());
    }

    /**
     * The {@code Set-Cookie} values of {@link #set}, for servlets and filters: add each as its own header.
     *
     * @throws IllegalStateException when cookies are off
     * @throws IllegalArgumentException when a token was minted without a CSRF claim
     */
    public List<String> setCookieHeaders(TokenPair tokens) {
        List<String> headers = new ArrayList<>(setCookieHeaders(tokens.accessToken()));
        JwtClaims refresh = claims(tokens.refreshToken());
        long maxAge = maxAge(refresh);
        headers.add(SetCookie.format(settings.refreshName(), tokens.refreshToken(), refreshPath(), maxAge, true, settings));
        headers.add(SetCookie.format(settings.csrfRefreshName(), csrf(refresh), "/", maxAge, false, settings));
        return headers;
    }

    /**
     * The {@code Set-Cookie} values of {@link #setAccessToken}, for servlets and filters.
     *
     * @throws IllegalStateException when cookies are off
     * @throws IllegalArgumentException when the token was minted without a CSRF claim
     */
    public List<String> setCookieHeaders(String accessToken) {
        requireCookies();
        JwtClaims access = claims(accessToken);
        long maxAge = maxAge(access);
        return List.of(SetCookie.format(settings.accessName(), accessToken, "/", maxAge, true, settings),
                SetCookie.format(settings.csrfAccessName(), csrf(access), "/", maxAge, false, settings));
    }

    /**
     * The {@code Set-Cookie} values of {@link #clear}, for servlets and filters.
     *
     * @throws IllegalStateException when cookies are off
     */
    public List<String> clearingHeaders() {
        requireCookies();
        return List.of(SetCookie.format(settings.accessName(), "", "/", 0, true, settings),
                SetCookie.format(settings.csrfAccessName(), "", "/", 0, false, settings),
                SetCookie.format(settings.refreshName(), "", refreshPath(), 0, true, settings),
                SetCookie.format(settings.csrfRefreshName(), "", "/", 0, false, settings));
    }

    /** Whether a {@code Set-Cookie} value sets or deletes one of freshjwt's cookies. */
    public boolean isOwnCookie(String setCookie) {
        int equals = setCookie.indexOf('=');
        return settings.cookie() && equals > 0 && settings.names().contains(setCookie.substring(0, equals).strip());
    }

    /** Whether the current request's verified token came from a freshjwt cookie rather than the {@code Authorization} header. */
    public boolean fromCookie(JsonWebToken token) {
        if (!settings.cookie() || token == null || token.getRawToken() == null || !request.isResolvable()) {
            return false;
        }
        HttpServletRequest current = request.get();
        // freshjwt's servlet filter recorded it already for this request; only without the filter is it worked out here.
        return (current.getAttribute(TokenSource.ATTRIBUTE) instanceof TokenSource source ? source
                : TokenSource.of(current, token, settings)).isCookie();
    }

    /** The request header that must repeat the CSRF value ({@code freshjwt.csrf.header}). */
    public String csrfHeaderName() {
        return settings.csrfHeader();
    }

    /** The readable cookie with the access token's CSRF value ({@code freshjwt.cookie.csrf-access.name}). */
    public String csrfAccessCookieName() {
        return settings.csrfAccessName();
    }

    /** The readable cookie with the refresh token's CSRF value ({@code freshjwt.cookie.csrf-refresh.name}). */
    public String csrfRefreshCookieName() {
        return settings.csrfRefreshName();
    }

    private void requireCookies() {
        if (!settings.cookie()) {
            throw new IllegalStateException("Token cookies are off: set " + FreshJwtConfig.TOKEN_LOCATION
                    + " to cookie or header,cookie");
        }
    }

    /** The refresh endpoint's absolute path: the application's context path, then {@code freshjwt.cookie.refresh.path}. */
    private String refreshPath() {
        return (request.isResolvable() ? request.get().getContextPath() : "") + settings.refreshPath();
    }

    private static Response.ResponseBuilder add(Response.ResponseBuilder response, List<String> setCookies) {
        setCookies.forEach(header -> response.header(HttpHeaders.SET_COOKIE, header));
        return response;
    }

    private long maxAge(JwtClaims claims) {
        long expiry = ClaimValues.epochSeconds(claims.getClaimValue("exp"));
        return expiry == ClaimValues.ABSENT ? 0 : Math.max(0, expiry - clock.instant().getEpochSecond());
    }

    private static String csrf(JwtClaims claims) {
        String value = ClaimValues.text(claims.getClaimValue(FreshJwtClaims.CSRF));
        if (value == null) {
            throw new IllegalArgumentException("The token has no " + FreshJwtClaims.CSRF + " claim: it was minted while"
                    + " cookies were off (" + FreshJwtConfig.TOKEN_LOCATION + ")");
        }
        return value;
    }

    /** The claims of a token this application has just minted (not verified again). */
    private static JwtClaims claims(String token) {
        String[] parts = token.split("\\.");
        try {
            return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (InvalidJwtException | RuntimeException e) {
            throw new IllegalArgumentException("Not a compact JWS minted by TokenIssuer", e);
        }
    }
}
