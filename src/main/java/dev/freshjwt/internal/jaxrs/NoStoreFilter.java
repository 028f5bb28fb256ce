package dev.freshjwt.internal.jaxrs;

import dev.freshjwt.internal.guard.CachePolicy;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@link CachePolicy} for JAX-RS: a response to a request that carried a token says {@code Cache-Control: no-store}
 * unless the resource set a {@code Cache-Control} of its own. The servlet filter has normally set the header on the
 * servlet response already; a resource's own value then replaces it (RESTEasy adds JAX-RS headers to those already on
 * the servlet response, Jersey replaces them: clearing it first leaves one header on every server).
 */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {

    @Context
    private HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean preset = request.getProperty(CachePolicy.PRESET) != null;
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            if (preset) {
                servletResponse.setHeader(HttpHeaders.CACHE_CONTROL, null);
            }
        } else if (!preset && carriesToken(request)) {
            // Only without the servlet filter (a web.xml with metadata-complete="true" turns web fragments off).
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CachePolicy.NO_STORE);
        }
    }

    private static boolean carriesToken(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken;
    }
}
