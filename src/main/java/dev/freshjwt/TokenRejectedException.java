package dev.freshjwt;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A request was refused for its token: missing, invalid, of the wrong type, or not fresh enough (401), or carried
 * by a cookie without its CSRF value (403). It carries the complete response ({@code WWW-Authenticate} challenge on a
 * 401, {@code application/problem+json} body), so JAX-RS sends it as it is, without any exception mapper.
 *
 * <p>It is an EJB application exception: thrown by an {@link FreshRequired} EJB method, it reaches the caller
 * unwrapped (not as an {@code EJBException}), and a resource calling the EJB answers the same 401. Catch it
 * only to add to the response; never turn it into a 500.
 */
@ApplicationException(rollback = true)
public class TokenRejectedException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the token was refused (for logs; the client reads the response)
     * @param response the complete 401 (or 403) response the client receives
     */
    public TokenRejectedException(String message, Response response) {
        super(message, response);
    }
}
