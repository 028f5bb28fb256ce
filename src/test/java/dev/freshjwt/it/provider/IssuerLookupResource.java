package dev.freshjwt.it.provider;

import dev.freshjwt.TokenIssuer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Deployed by {@code ProviderTokensWithoutSigningKeyIT} into an application without a signing key: looks the issuer up
 * programmatically, as code that never injects it might, and answers with what it threw, so the test sees what a
 * developer sees.
 */
@Path("test/issuer-lookup")
public class IssuerLookupResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response lookUp() {
        try {
            return Response.ok(CDI.current().select(TokenIssuer.class).get().jwks()).build();
        } catch (RuntimeException e) {
            return Response.serverError().entity(e.getClass().getName() + ": " + e.getMessage()).build();
        }
    }
}
