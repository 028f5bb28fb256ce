package dev.freshjwt.demo;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An EJB's {@code @RolesAllowed} refusing the caller ({@link AccountService} behind {@code POST /account/password}): a
 * 403 problem on every server. Without it WildFly's RESTEasy answers such a refusal with a 500, although the client
 * only lacked a role; Payara and Open Liberty answer 403.
 */
@Provider
public class EjbAccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException exception) {
        return Problems.of(Response.Status.FORBIDDEN.getStatusCode(), "about:blank", "Forbidden",
                "The caller's groups do not allow this operation").build();
    }
}
