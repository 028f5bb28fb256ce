package dev.freshjwt.bench.web;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same trivial operation behind freshjwt's checks, added to the demo for the HTTP benchmark. */
@Path("/bench")
@RequestScoped
public class BenchResource {

    @GET
    @Path("roles")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String roles() {
        return "ok";
    }

    @GET
    @Path("access")
    @RolesAllowed("user")
    @AccessTokenRequired
    @Produces(MediaType.TEXT_PLAIN)
    public String access() {
        return "ok";
    }

    @GET
    @Path("fresh")
    @RolesAllowed("user")
    @FreshRequired
    @Produces(MediaType.TEXT_PLAIN)
    public String fresh() {
        return "ok";
    }
}
