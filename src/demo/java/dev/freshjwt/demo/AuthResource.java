package dev.freshjwt.demo;

import dev.freshjwt.AccessTokenRequired;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /login}, {@code /refresh} and {@code /logout}: where tokens are minted and revoked. */
@Path("/")
@RequestScoped
public class AuthResource {

    private final TokenIssuer issuer;
    private final TokenRevoker revoker;
    private final DemoLogin logins;
    private final TokenCookies cookies;
    private final JsonWebToken caller;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public AuthResource() {
        this(null, null, null, null, null);
    }

    @Inject
    public AuthResource(TokenIssuer issuer, TokenRevoker revoker, DemoLogin logins, TokenCookies cookies,
            JsonWebToken caller) {
        this.issuer = issuer;
        this.revoker = revoker;
        this.logins = logins;
        this.cookies = cookies;
        this.caller = caller;
    }

    /**
     * Checks the password with the identity store, and the authenticator code when the body has one ({@link DemoLogin}),
     * and returns a fresh access token and a refresh token; with a code they carry {@code acr} {@code mfa} and
     * {@code amr} {@code ["pwd","otp"]}.
     */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        LoginRequest login = LoginRequest.parse(contentType, body);
        TokenPair tokens = logins.tokens(login);
        return noStore(tokenResponse(tokens.accessToken()).add("refresh_token", tokens.refreshToken()).build().toString());
    }

    /**
     * Trades the refresh token of the {@code Authorization} header for a new, not fresh, access token; with
     * {@code freshjwt.refresh-token.rotation=true} also for the refresh token to use next.
     */
    @POST
    @Path("refresh")
    @RefreshTokenRequired
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        TokenPair next = issuer.refreshTokens(caller);
        JsonObjectBuilder response = tokenResponse(next.accessToken());
        if (issuer.rotatesRefreshTokens()) {
            response.add("refresh_token", next.refreshToken());
        }
        return noStore(response.build().toString());
    }

    /** Revokes the access token of the {@code Authorization} header: logs this client out. */
    @POST
    @Path("logout")
    @AccessTokenRequired
    public Response logout() {
        revoker.revoke(caller);
        return Response.noContent().build();
    }

    /**
     * Revokes every token the caller's user holds, on every instance: logs out everywhere. A caller that came with
     * cookies (the page) also gets them deleted, as on {@code DELETE /session}.
     */
    @POST
    @Path("logout/all")
    @AccessTokenRequired
    public Response logoutEverywhere() {
        revoker.revokeAllFor(caller.getSubject());
        return cookies.fromCookie(caller) ? cookies.clear(Response.noContent()).build() : Response.noContent().build();
    }

    private JsonObjectBuilder tokenResponse(String accessToken) {
        return Json.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", issuer.accessTokenLifetime().toSeconds());
    }

    private static Response noStore(String json) {
        return Response.ok(json, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
