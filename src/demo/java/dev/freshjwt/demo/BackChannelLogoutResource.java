package dev.freshjwt.demo;

import dev.freshjwt.BackChannelLogout;
import dev.freshjwt.InvalidLogoutTokenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * OpenID Connect Back-Channel Logout: the URL to register at the provider (Keycloak: the client's Backchannel logout URL,
 * {@code https://app.example/backchannel-logout}). A valid logout token revokes its session's tokens: 200. A bad one: 400
 * {@code invalid_request} ({@link dev.freshjwt.InvalidLogoutTokenException}); a body that is not a form: 415.
 */
@Path("backchannel-logout")
@RequestScoped
public class BackChannelLogoutResource {

    private final BackChannelLogout backChannelLogout;

    /** For CDI proxies only; public because RESTEasy (WildFly, Open Liberty) insists on a public constructor it can call. */
    public BackChannelLogoutResource() {
        this(null);
    }

    @Inject
    public BackChannelLogoutResource(BackChannelLogout backChannelLogout) {
        this.backChannelLogout = backChannelLogout;
    }

    /**
     * The form as an entity, still encoded: with {@code @FormParam}, Jersey (Payara) answers a POST without
     * {@code Content-Type} with a 500; RESTEasy (WildFly, Open Liberty) answers a malformed escape ({@code %zz}) with a
     * 500 while decoding. An empty body gives no form at all ({@code null}) on Jersey.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOut(@Encoded MultivaluedMap<String, String> form) {
        backChannelLogout.logOut(decoded(form == null ? null : form.getFirst("logout_token")));
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String decoded(String value) {
        try {
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLogoutTokenException("The logout_token parameter is not URL-encoded");
        }
    }
}
