package com.example.sample;

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

/** The caller's account: reading it needs an access token; changing the e-mail address needs a fresh login. */
@Path("account")
@RequestScoped
@RolesAllowed("user")
public class AccountResource {

    @Inject
    JsonWebToken caller;

    @GET
    @AccessTokenRequired
    @Produces(MediaType.APPLICATION_JSON)
    public String account() {
        return Json.createObjectBuilder().add("user", caller.getName()).build().toString();
    }

    /** A login within the last five minutes, not a refreshed token. */
    @POST
    @Path("email")
    @FreshRequired(maxAge = 300)
    @Produces(MediaType.APPLICATION_JSON)
    public String changeEmail() {
        return Json.createObjectBuilder().add("changed", true).build().toString();
    }
}
