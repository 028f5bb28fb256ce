package dev.freshjwt.bench.plain;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The benchmark's operation behind nothing and behind MicroProfile JWT only. */
@Path("/bench")
@RequestScoped
public class PlainResource {

    @GET
    @Path("open")
    @Produces(MediaType.TEXT_PLAIN)
    public String open() {
        return "ok";
    }

    @GET
    @Path("roles")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String roles() {
        return "ok";
    }
}
