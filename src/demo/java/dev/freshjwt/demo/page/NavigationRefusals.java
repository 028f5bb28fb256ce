package dev.freshjwt.demo.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A refusal that a browser <em>navigated</em> to, rather than fetched, as a short HTML page instead of problem JSON: a
 * form on another site that posts to the demo's API (its cookies are {@code SameSite=Strict}, so the browser sends
 * none) would otherwise leave the user looking at raw JSON about a bearer token they never heard of. The status and
 * every header ({@code WWW-Authenticate} too) stay; scripts and {@code fetch} ({@code Sec-Fetch-Mode: cors} or
 * {@code same-origin}) and clients such as curl (no {@code Sec-Fetch-Mode}) get the problem JSON unchanged.
 */
@Provider
public class NavigationRefusals implements ContainerResponseFilter {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (!"navigate".equalsIgnoreCase(request.getHeaderString("Sec-Fetch-Mode")) || response.getStatus() < 400
                || type == null || !PROBLEM_JSON.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
            return;
        }
        boolean signedOut = response.getStatus() == 401;
        String title = signedOut ? "Not signed in" : "The demo refused this request";
        String body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>This address is part of the freshjwt demo's API, for the demo page's own"
                + " scripts. " + (signedOut ? "The request came without the demo's login (a form on another site, perhaps:"
                        + " the browser sends the demo's cookies only to the demo's own pages), so nothing was done."
                        : "Nothing was done.")
                + "</p><p><a href=\"" + escape(request.getUriInfo().getBaseUri().getRawPath())
                + "\">Go to the demo page</a></p></body></html>";
        response.setEntity(body, null, MediaType.valueOf("text/html;charset=UTF-8"));
        response.getHeaders().putSingle("Content-Security-Policy", PageResource.CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
