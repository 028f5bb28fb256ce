package dev.freshjwt.internal.jaxrs;

import dev.freshjwt.internal.cookie.TokenSource;
import dev.freshjwt.internal.guard.BearerAdmission;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import dev.freshjwt.internal.guard.Requirement;
import dev.freshjwt.internal.guard.TokenGuard;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Checks one resource method's {@link Requirement} against the caller's token before the method runs. */
final class TokenRequirementFilter implements ContainerRequestFilter {

    private final Requirement requirement;
    private volatile TokenGuard guard;

    TokenRequirementFilter(Requirement requirement) {
        this.requirement = requirement;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        JsonWebToken token = principal instanceof JsonWebToken jwt ? jwt : null;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // BearerAdmissionFilter has normally checked the request already (servlet request attributes are JAX-RS
        // request properties); again here only for applications without it (a web.xml with metadata-complete="true"
        // turns web fragments off).
        Optional<Rejection> rejection = request.getProperty(BearerAdmission.ADMITTED) != null
                ? Optional.empty()
                : BearerAdmission.check(authorization, token);
        if (rejection.isEmpty()) {
            rejection = guard().check(requirement, token, Rejection.isBearer(authorization),
                    request.getProperty(TokenSource.COOKIE_REFUSAL) instanceof Rejection refusal ? refusal : null);
        }
        rejection.ifPresent(refusal -> request.abortWith(
                Challenges.refuse(refusal, requirement, token == null ? null : token::getClaim)));
    }

    private TokenGuard guard() {
        TokenGuard current = guard;
        if (current == null) {
            // Filters are created by JAX-RS, not CDI: look the bean up once.
            current = CDI.current().select(TokenGuard.class).get();
            guard = current;
        }
        return current;
    }
}
