package dev.freshjwt;

import dev.freshjwt.internal.guard.Challenges;
import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A revocation (a logout, a session or subject revoked, a rotated refresh token marked used) could not be recorded:
 * the {@link RevocationStore} is full or cannot be reached; or tokens cannot be issued, since they could not be checked.
 * Nothing was revoked (or issued), and the client is told so: a
 * {@code 503} with an {@code application/problem+json} body of type {@code revocation-unavailable} and
 * {@code Retry-After}, which JAX-RS sends as it is; never a 500. An EJB application exception, so an EJB caller sees it
 * unwrapped.
 */
@ApplicationException(rollback = true)
public class RevocationUnavailableException extends WebApplicationException {

    private static final long serialVersionUID = 1L;
    private static final int UNAVAILABLE = 503;

    /**
     * @param detail what could not be recorded, for the client
     * @param cause the store's failure
     */
    public RevocationUnavailableException(String detail, Throwable cause) {
        super(detail, cause, Response.status(UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Challenges.RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(Challenges.PROBLEM_JSON)
                .entity("{\"type\":\"" + Challenges.PROBLEM_BASE + "revocation-unavailable\",\"title\":\"Revocation"
                        + " unavailable\",\"status\":" + UNAVAILABLE + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}")
                .build());
    }
}
