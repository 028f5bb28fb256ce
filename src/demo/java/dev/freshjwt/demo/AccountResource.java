package dev.freshjwt.demo;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.TokenCookies;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The password change of the walkthrough, a resource of its own: it mints the new login's tokens, so it is the one
 * protected resource that needs {@link TokenIssuer} (an application that only guards provider tokens has none).
 */
@Path("account")
@RequestScoped
@RolesAllowed(DemoUsers.ROLE)
public class AccountResource {

    private final JsonWebToken caller;
    private final AccountService accounts;
    private final TokenIssuer issuer;
    private final TokenCookies cookies;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public AccountResource() {
        this(null, null, null, null);
    }

    @Inject
    public AccountResource(JsonWebToken caller, AccountService accounts, TokenIssuer issuer, TokenCookies cookies) {
        this.caller = caller;
        this.accounts = accounts;
        this.issuer = issuer;
        this.cookies = cookies;
    }

    /**
     * Changes the caller's password, {@code {"current_password": "…", "new_password": "…"}}. Any access token at the
     * resource; the EJB behind it demands a fresh token from a login at most five minutes ago (the same 401 as on a
     * resource, before the body is looked at), then the current password, and a new one of at least eight characters
     * that is neither the user name nor the current password (else a 400 problem naming the rule; a wrong current
     * password is a 403). Every token the user holds is revoked, this session's too; the answer carries the tokens of
     * the new login the current password just proved: in cookies for a caller that came with cookies, in the body for
     * one that came with a bearer header. Every other session of the user is logged out.
     */
    @POST
    @Path("password")
    @AccessTokenRequired
    @Produces(MediaType.APPLICATION_JSON)
    public Response changePassword(String body) {
        String user = caller.getName();
        AccountService.Outcome outcome = accounts.changePassword(user, PasswordChange.read(body));
        if (!outcome.changed()) {
            return Problems.of(outcome.status().getStatusCode(),
                    outcome.status() == Response.Status.FORBIDDEN ? Problems.BASE + "wrong-password" : Problems.BASE + "bad-request",
                    outcome.status().getReasonPhrase(), outcome.detail()).build();
        }
        TokenPair next = issuer.login(user, caller.getGroups(), DemoUsers.ACR_PASSWORD, DemoUsers.AMR_PASSWORD_ONLY);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("message", outcome.detail()).add("user", user);
        Response.ResponseBuilder response;
        if (cookies.fromCookie(caller)) {
            response = cookies.set(Response.ok(), next);
        } else {
            answer.add("access_token", next.accessToken()).add("refresh_token", next.refreshToken());
            response = Response.ok();
        }
        return response.entity(answer.build().toString()).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
