package dev.freshjwt.demo;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.RefreshTokenRequired;
import dev.freshjwt.TokenCookies;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import dev.freshjwt.TokenRevoker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The browser's session, held in cookies ({@link TokenCookies}): {@code POST /session} logs in, {@code GET /session}
 * tells the page who is logged in, how and how fresh the login is, {@code POST /session/refresh} trades the refresh cookie
 * for a new, not fresh, access cookie, {@code DELETE /session} logs out. No token ever appears in a body.
 */
@Path("session")
@RequestScoped
public class SessionResource {

    private final TokenIssuer issuer;
    private final TokenRevoker revoker;
    private final TokenCookies cookies;
    private final DemoLogin logins;
    private final AccountService accounts;
    private final JsonWebToken caller;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public SessionResource() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public SessionResource(TokenIssuer issuer, TokenRevoker revoker, TokenCookies cookies, DemoLogin logins,
            AccountService accounts, JsonWebToken caller) {
        this.issuer = issuer;
        this.revoker = revoker;
        this.cookies = cookies;
        this.logins = logins;
        this.accounts = accounts;
        this.caller = caller;
    }

    /**
     * Public: who the caller is, as every layer sees it (the token, the JAX-RS security context, an EJB behind
     * {@code @RolesAllowed}), whether the token is fresh, how the user logged in ({@code acr}, and {@code amr} as an
     * array; {@code acr} is {@code null} for a token without one), when the password was typed, when the token
     * expires, what the server will decide on each guarded operation and until when ({@code operations}, by path:
     * {@link FreshnessOutlook}); and the names the page needs for CSRF.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response state(@Context SecurityContext security) {
        JsonObjectBuilder state = Json.createObjectBuilder();
        long now = Instant.now().getEpochSecond();
        Principal principal = security.getUserPrincipal();
        if (caller.getRawToken() == null || principal == null) {
            state.add("authenticated", false);
        } else {
            boolean inRole = security.isUserInRole(DemoUsers.ROLE);
            state.add("authenticated", true)
                    .add("user", caller.getName())
                    .add("principal", principal.getName())
                    .add("in_role", inRole)
                    .add("ejb_caller", inRole ? accounts.caller() : "")
                    .add("from_cookie", cookies.fromCookie(caller))
                    .add("fresh", Claims.isTrue(caller.getClaim("fresh")))
                    .add("auth_time", Claims.seconds(caller.getClaim("auth_time")))
                    .add("expires_at", caller.getExpirationTime());
            String acr = Claims.text(caller.getClaim(FreshJwtClaims.ACR));
            addMethod(state, acr, Claims.texts(caller.getClaim(FreshJwtClaims.AMR)));
            state.add("operations", FreshnessOutlook.of(Claims.isTrue(caller.getClaim("fresh")),
                    Claims.seconds(caller.getClaim("auth_time")), acr, caller.getExpirationTime(), now))
                    .add("clock_skew", FreshnessOutlook.skew());
        }
        state.add("now", now)
                .add("csrf", Json.createObjectBuilder()
                        .add("header", cookies.csrfHeaderName())
                        .add("access_cookie", cookies.csrfAccessCookieName())
                        .add("refresh_cookie", cookies.csrfRefreshCookieName()));
        return noStore(Response.ok(state.build().toString(), MediaType.APPLICATION_JSON)).build();
    }

    /**
     * Checks the password with the identity store, and the authenticator code when the body has one ({@link DemoLogin}),
     * and sets the cookies of a fresh login ({@code acr} {@code mfa} with a code, {@code password} without).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        LoginRequest login = LoginRequest.parse(contentType, body);
        TokenPair tokens = logins.tokens(login);
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder session = session(login.username(), true, now);
        addMethod(session, DemoLogin.acr(login), DemoLogin.amr(login));
        return noStore(cookies.set(Response.ok(session.build().toString(), MediaType.APPLICATION_JSON), tokens)).build();
    }

    /** Trades the refresh cookie for a new, not fresh, access cookie (and a new refresh cookie under rotation). */
    @POST
    @Path("refresh")
    @RefreshTokenRequired
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        TokenPair next = issuer.refreshTokens(caller);
        JsonObjectBuilder session = session(caller.getName(), false, Claims.seconds(caller.getClaim("auth_time")));
        addMethod(session, Claims.text(caller.getClaim(FreshJwtClaims.ACR)), Claims.texts(caller.getClaim(FreshJwtClaims.AMR)));
        Response.ResponseBuilder response = Response.ok(session.build().toString(), MediaType.APPLICATION_JSON);
        return noStore(issuer.rotatesRefreshTokens() ? cookies.set(response, next)
                : cookies.setAccessToken(response, next.accessToken())).build();
    }

    /** Revokes the whole login (the refresh token too) and deletes the cookies. */
    @DELETE
    @AccessTokenRequired
    public Response logout() {
        revoker.revokeSession(caller);
        return cookies.clear(Response.noContent()).build();
    }

    private JsonObjectBuilder session(String user, boolean fresh, long authTime) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder()
                .add("authenticated", true)
                .add("user", user)
                .add("fresh", fresh)
                .add("auth_time", authTime)
                .add("expires_at", now + issuer.accessTokenLifetime().toSeconds())
                .add("now", now);
    }

    /** How the user logged in: {@code "acr"} (or {@code null}) and {@code "amr"} (an array). */
    private static void addMethod(JsonObjectBuilder state, String acr, List<String> amr) {
        if (acr == null) {
            state.addNull("acr");
        } else {
            state.add("acr", acr);
        }
        state.add("amr", Json.createArrayBuilder(amr));
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
