package dev.freshjwt.demo.page;

import jakarta.enterprise.context.RequestScoped;
import dev.freshjwt.demo.oidc.OidcSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the demo page: {@code GET /}, {@code /app.js}, {@code /app.css} and {@code /favicon.svg}, read from
 * {@code /WEB-INF/page/} (where the container never serves them by itself). The demo's JAX-RS {@code Application}
 * is at {@code /}, so its servlet owns every URL and plain static files would never be reached.
 *
 * <p>The page holds a session, so these responses carry what a browser needs to keep it safe: a
 * Content-Security-Policy that allows only this origin's script, style and {@code fetch}, no inline script or
 * style, no plugin, no {@code <base>}, and no framing (no one may frame the password dialog); no MIME sniffing;
 * no {@code Referer}; and revalidation on every load. The JSON API keeps its own, unchanged, headers.
 */
@Path("/")
@RequestScoped
public class PageResource {

    /**
     * Nothing by default; this origin's script, stylesheet, {@code fetch} and icon; DOM sinks that parse HTML
     * refused (Trusted Types with no policy: the page only ever sets text).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    private static final String FOLDER = "/WEB-INF/page/";

    private final ServletContext servletContext;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public PageResource() {
        this(null);
    }

    @Inject
    public PageResource(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    /**
     * The page; with an OpenID provider configured ({@code demo.oidc.*}) marked {@code data-mode="oidc"}, so that its
     * script signs in there through the backend ({@code /oidc/...}) instead of asking for the password.
     */
    @GET
    public Response page() {
        if (!OidcSettings.enabled()) {
            return file("index.html", "text/html;charset=UTF-8");
        }
        String html = new String(read("index.html"), StandardCharsets.UTF_8).replace("data-mode=\"own\"", "data-mode=\"oidc\"");
        return withHeaders(Response.ok(html.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8"));
    }

    @GET
    @Path("app.js")
    public Response script() {
        return file("app.js", "text/javascript;charset=UTF-8");
    }

    @GET
    @Path("app.css")
    public Response stylesheet() {
        return file("app.css", "text/css;charset=UTF-8");
    }

    /** Without an icon of its own, the browser asks for {@code /favicon.ico}: a 404 in every console. */
    @GET
    @Path("favicon.svg")
    public Response icon() {
        return file("favicon.svg", "image/svg+xml");
    }

    private Response file(String name, String contentType) {
        return withHeaders(Response.ok(read(name), contentType));
    }

    private byte[] read(String name) {
        byte[] content;
        try (InputStream in = servletContext.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new NotFoundException();
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FOLDER + name, e);
        }
        return content;
    }

    private static Response withHeaders(Response.ResponseBuilder response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .build();
    }
}
