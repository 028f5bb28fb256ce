package dev.freshjwt.demo;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The protected resources of the walkthrough. {@code @RolesAllowed} is the container's own check: refresh tokens
 * carry no {@code groups}, so it would refuse them even without freshjwt's.
 */
@Path("/")
@RequestScoped
@RolesAllowed(DemoUsers.ROLE)
public class DemoResource {

    private final JsonWebToken caller;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public DemoResource() {
        this(null);
    }

    @Inject
    public DemoResource(JsonWebToken caller) {
        this.caller = caller;
    }

    /** Any valid access token, fresh or not. */
    @GET
    @Path("protected")
    @AccessTokenRequired
    @Produces(MediaType.APPLICATION_JSON)
    public String protectedResource() {
        return message("You have access to this protected resource");
    }

    /** Only a fresh access token: a refreshed one gets the RFC 9470 step-up challenge. */
    @GET
    @Path("sensitive_operation")
    @FreshRequired
    @Produces(MediaType.APPLICATION_JSON)
    public String sensitiveOperation() {
        return message("You have access to this sensitive operation");
    }

    /**
     * A pretend money transfer: a fresh token from a login with the authenticator code ({@code acr} {@code mfa}) at
     * most five minutes ago. A password-only login gets the step-up challenge naming {@code acr_values="mfa"}.
     */
    @POST
    @Path("transfer")
    @FreshRequired(acr = DemoUsers.ACR_MFA, maxAge = 300)
    @Produces(MediaType.APPLICATION_JSON)
    public String transfer() {
        return message("Transfer done");
    }

    private String message(String text) {
        return Json.createObjectBuilder().add("message", text).add("user", caller.getName()).build().toString();
    }
}
