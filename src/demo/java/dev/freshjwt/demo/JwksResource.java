package dev.freshjwt.demo;

import dev.freshjwt.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Publishes the public verification key for other services and JOSE clients. */
@Path("/.well-known/jwks.json")
@RequestScoped
public class JwksResource {

    private final TokenIssuer issuer;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public JwksResource() {
        this(null);
    }

    @Inject
    public JwksResource(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return issuer.jwks();
    }
}
