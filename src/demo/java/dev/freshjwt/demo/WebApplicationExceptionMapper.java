package dev.freshjwt.demo;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (404, 405, 415, …) a problem+json body, keeping their headers
 * ({@code Allow}, …). JAX-RS sends exceptions that already carry a body, such as freshjwt's 401s, as they
 * are, without consulting this mapper.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder problem = Problems.of(status.getStatusCode(),
                "about:blank", status.getReasonPhrase(), status.getReasonPhrase());
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }
}
