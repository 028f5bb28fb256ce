package dev.freshjwt.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /favicon.ico}, which browsers ask for wherever no page names an icon (a JSON answer opened in a tab, say):
 * a permanent redirect to the page's SVG icon rather than a 404 in every console. The demo's JAX-RS application owns
 * every URL, so a file at the root of the WAR would never be served.
 */
@Path("favicon.ico")
public class FaviconResource {

    @GET
    public Response icon() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("favicon.svg"))
                .header("Cache-Control", "max-age=86400").build();
    }
}
