package dev.freshjwt;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;

/**
 * A request was refused for its token: missing, invalid, of the wrong type, or not fresh enough. It carries
 * the complete {@code 401} response ({@code WWW-Authenticate} challenge and {@code application/problem+json}
 * body), so JAX-RS sends it as it is, without any exception mapper.
 *
 * <p>It is an EJB application exception: thrown by an {@link FreshRequired} EJB method, it reaches the caller
 * unwrapped (not as an {@code EJBException}), and a resource calling the EJB answers the same 401. Catch it
 * only to add to the response; never turn it into a 500.
 */
@ApplicationException(rollback = true)
public class TokenRejectedException extends NotAuthorizedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the token was refused (for logs; the client reads the response)
     * @param response the complete 401 response the client receives
     */
    public TokenRejectedException(String message, Response response) {
        super(message, response);
    }
}
