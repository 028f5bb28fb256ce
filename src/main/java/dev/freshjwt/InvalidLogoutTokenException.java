package dev.freshjwt;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A back-channel logout request was refused: its {@code logout_token} is missing, malformed, not signed by the provider's
 * key, not meant for this application, not a logout token, too old, or seen before ({@link BackChannelLogout}). Nothing
 * was revoked. It carries the complete response OpenID Connect Back-Channel Logout 1.0 (§2.8) prescribes, which JAX-RS
 * sends as it is:
 *
 * <pre>
 * HTTP/1.1 400 Bad Request
 * Cache-Control: no-store
 * Content-Type: application/json
 *
 * {"error":"invalid_request","error_description":"The logout token has been used before"}
 * </pre>
 *
 * An EJB application exception, so an EJB caller sees it unwrapped.
 */
@ApplicationException(rollback = true)
public class InvalidLogoutTokenException extends WebApplicationException {

    private static final long serialVersionUID = 1L;
    private static final int BAD_REQUEST = 400;

    /**
     * @param description why the logout token was refused, for the provider (never the token's own content)
     */
    public InvalidLogoutTokenException(String description) {
        super(description, Response.status(BAD_REQUEST)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"invalid_request\",\"error_description\":\""
                        + description.replace("\\", "\\\\").replace("\"", "'") + "\"}")
                .build());
    }
}
