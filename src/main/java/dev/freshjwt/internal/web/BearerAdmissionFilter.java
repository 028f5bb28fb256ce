package dev.freshjwt.internal.web;

import dev.freshjwt.internal.guard.BearerAdmission;
import dev.freshjwt.internal.guard.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies {@link BearerAdmission} to every request of the application (declared in the library's
 * {@code web-fragment.xml}), after the container's authentication and before any servlet, JAX-RS included: a
 * bearer token that cannot be used gets freshjwt's 401 on every URL, as Payara and WildFly give it for tokens
 * they cannot verify, also where no endpoint matches. A request it lets through carries no challenge the
 * container set in advance (Open Liberty adds one to anonymous requests that sent any {@code Authorization}):
 * challenges belong to 401 responses, which the application writes itself.
 */
public class BearerAdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CHALLENGE = "WWW-Authenticate";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        Optional<Rejection> rejection = BearerAdmission.check(request.getHeader("Authorization"),
                caller instanceof JsonWebToken token ? token : null);
        if (rejection.isPresent()) {
            ServletChallenge.write(response, rejection.get());
            return;
        }
        if (response.containsHeader(CHALLENGE)) {
            response.setHeader(CHALLENGE, null);
        }
        request.setAttribute(BearerAdmission.ADMITTED, Boolean.TRUE);
        chain.doFilter(request, response);
    }
}
