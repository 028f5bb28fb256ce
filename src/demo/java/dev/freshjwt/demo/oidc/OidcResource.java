package dev.freshjwt.demo.oidc;

import static dev.freshjwt.demo.oidc.OidcProvider.text;

import dev.freshjwt.demo.FreshnessOutlook;
import dev.freshjwt.demo.oidc.OidcProvider.Answer;
import dev.freshjwt.demo.oidc.OidcProvider.ProviderException;
import dev.freshjwt.demo.oidc.OidcSessions.Pending;
import dev.freshjwt.demo.oidc.OidcSessions.Session;
import dev.freshjwt.demo.oidc.OidcSessions.Tokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The backend-for-frontend of the demo page with an OpenID provider ({@link OidcSettings}; else every URL here is a
 * 404). The provider's tokens never reach the browser: they stay in {@link OidcSessions}, and the browser holds only
 * the session cookie {@value #COOKIE} (HttpOnly, Secure, SameSite=Lax, Path=/).
 *
 * <ul>
 *   <li>{@code GET /oidc/login[?max_age=N&acr_values=X]}: starts the authorization-code flow with PKCE (S256), a
 *       state and a nonce, passing a step-up challenge's {@code max_age} and {@code acr_values} on;</li>
 *   <li>{@code GET /oidc/callback?code&state}: checks the state against this browser's session, exchanges the code,
 *       checks the ID token's nonce, keeps the tokens under a new session id, and sends the browser to the page;</li>
 *   <li>{@code GET /oidc/session}: what the page shows (user, {@code auth_time}, {@code iat}, {@code acr}, fresh or
 *       not, what each operation will decide) and the session's CSRF value;</li>
 *   <li>{@code GET|POST /oidc/api/<operation>}: the page's calls to the demo's guarded operations, made with the
 *       session's access token; status, {@code WWW-Authenticate} and body come back as the operation answered;</li>
 *   <li>{@code POST /oidc/refresh}: the provider's refresh grant (a new access token, not fresh);
 *       {@code POST /oidc/logout}: ends the session here and at the provider.</li>
 * </ul>
 * Every {@code POST} needs the header {@value #CSRF_HEADER} with the session's CSRF value.
 */
@Path("oidc")
@RequestScoped
public class OidcResource {

    static final String COOKIE = "__Host-demo_session";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private static final Logger LOG = Logger.getLogger(OidcResource.class.getName());
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern ACR_VALUES = Pattern.compile("[A-Za-z0-9_.:-]{1,64}( [A-Za-z0-9_.:-]{1,64}){0,4}");
    /** The operations the page may call through the backend, and their methods. */
    private static final Map<String, String> OPERATIONS = Map.of("protected", "GET", "sensitive_operation", "GET",
            "transfer", "POST");
    private static final HttpClient SELF = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    OidcSessions sessions;

    @Inject
    OidcProvider provider;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("login")
    public Response login(@QueryParam("max_age") String maxAge, @QueryParam("acr_values") String acrValues,
            @CookieParam(COOKIE) String sessionId) {
        Optional<OidcSettings> configured = OidcSettings.current();
        if (configured.isEmpty()) {
            return notConfigured();
        }
        OidcSettings settings = configured.get();
        if (maxAge != null && !MAX_AGE.matcher(maxAge).matches()) {
            return problem(400, "bad-request", "Bad request", "max_age must be a number of seconds (0 to 999999999)");
        }
        if (acrValues != null && (!ACR_VALUES.matcher(acrValues).matches())) {
            return problem(400, "bad-request", "Bad request",
                    "acr_values must be up to 5 names of letters, digits, '_', '.', ':' or '-', separated by spaces");
        }
        Optional<Session> existing = sessions.find(sessionId);
        Session session = existing.orElseGet(sessions::create);
        String state = OidcSessions.random(24);
        String nonce = OidcSessions.random(24);
        String verifier = OidcSessions.random(48);
        String redirectUri = settings.redirectUri()
                .orElseGet(() -> uriInfo.getBaseUriBuilder().path("oidc/callback").build().toString());
        session.startLogin(state, new Pending(nonce, verifier, redirectUri, Instant.now().plus(OidcSessions.PENDING_LIFETIME)));
        URI authorization;
        try {
            UriBuilder target = UriBuilder.fromUri(provider.authorizationEndpoint(settings))
                    .queryParam("client_id", settings.clientId())
                    .queryParam("response_type", "code")
                    .queryParam("scope", "openid")
                    .queryParam("redirect_uri", redirectUri)
                    .queryParam("state", state)
                    .queryParam("nonce", nonce)
                    .queryParam("code_challenge", challenge(verifier))
                    .queryParam("code_challenge_method", "S256");
            if (maxAge != null) {
                target.queryParam("max_age", maxAge);
            }
            if (acrValues != null) {
                target.queryParam("acr_values", acrValues);
            }
            authorization = target.build();
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "freshjwt demo: cannot start a sign-in: {0}", e.getMessage());
            return toPage("provider_unavailable", existing.isEmpty() ? session : null);
        }
        Response.ResponseBuilder redirect = Response.status(Response.Status.FOUND).location(authorization);
        return noStore(existing.isEmpty() ? withCookie(redirect, session) : redirect).build();
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @CookieParam(COOKIE) String sessionId) {
        Optional<OidcSettings> configured = OidcSettings.current();
        if (configured.isEmpty()) {
            return notConfigured();
        }
        Optional<Session> session = sessions.find(sessionId);
        Optional<Pending> login = session.flatMap(s -> s.finishLogin(state));
        if (login.isEmpty()) {
            return problem(400, "bad-request", "Bad request", "No sign-in of this browser is waiting for this state: start"
                    + " again from the page");
        }
        if (error != null) {
            return toPage(error.matches("[a-z_]{1,40}") ? error : "sign_in_failed", null);
        }
        if (code == null || code.isEmpty()) {
            return problem(400, "bad-request", "Bad request", "The callback has neither a code nor an error");
        }
        OidcSettings settings = configured.get();
        try {
            Answer answer = provider.exchange(settings, code, login.get().redirectUri(), login.get().verifier());
            String idToken = answer.text("id_token");
            Optional<String> nonce = OidcProvider.claims(idToken).map(claims -> text(claims, "nonce"));
            if (!answer.ok() || answer.text("access_token") == null || answer.text("refresh_token") == null) {
                LOG.log(Level.WARNING, "freshjwt demo: the provider refused the code: HTTP {0} {1}",
                        new Object[] {answer.status(), answer.text("error")});
                return toPage("code_refused", null);
            }
            if (!nonce.equals(Optional.of(login.get().nonce()))) {
                return toPage("nonce_mismatch", null);
            }
            Session signedIn = sessions.signIn(session.get(),
                    new Tokens(answer.text("access_token"), answer.text("refresh_token"), idToken));
            return noStore(withCookie(Response.status(Response.Status.SEE_OTHER).location(page(null)), signedIn)).build();
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "freshjwt demo: cannot exchange the code: {0}", e.getMessage());
            return toPage("provider_unavailable", null);
        }
    }

    /**
     * What the page shows: {@code authenticated}; for a signed-in session {@code user}, {@code fresh},
     * {@code auth_time}, {@code issued_at}, {@code expires_at}, {@code acr}, {@code operations} and {@code clock_skew}
     * (as {@code GET /session} has them for the demo's own tokens), and the session's {@code csrf} header and value.
     * Read from the access token the provider handed over the back channel; freshness as freshjwt judges a provider's
     * token: issued at most {@code freshjwt.provider.fresh-window} after {@code auth_time}.
     */
    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@CookieParam(COOKIE) String sessionId) {
        Optional<OidcSettings> configured = OidcSettings.current();
        if (configured.isEmpty()) {
            return notConfigured();
        }
        OidcSettings settings = configured.get();
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder state = Json.createObjectBuilder().add("provider", settings.issuer());
        settings.loginHint().ifPresent(hint -> state.add("login_hint", hint));
        Optional<Session> session = sessions.find(sessionId);
        Optional<JsonObject> claims = session.flatMap(Session::tokens).flatMap(tokens -> OidcProvider.claims(tokens.access()));
        if (claims.isEmpty()) {
            state.add("authenticated", false);
        } else {
            JsonObject token = claims.get();
            long authTime = number(token, "auth_time");
            long issuedAt = number(token, "iat");
            long expiresAt = number(token, "exp");
            long age = issuedAt - authTime;
            long skew = FreshnessOutlook.skew();
            boolean fresh = authTime > 0 && age <= settings.freshWindow().toSeconds() && age >= -skew;
            String acr = text(token, "acr");
            String user = Optional.ofNullable(text(token, "upn")).or(() -> Optional.ofNullable(text(token, "preferred_username")))
                    .orElse(text(token, "sub"));
            state.add("authenticated", true).add("user", user == null ? "" : user).add("fresh", fresh)
                    .add("auth_time", authTime).add("issued_at", issuedAt).add("expires_at", expiresAt)
                    .add("fresh_window", settings.freshWindow().toSeconds())
                    .add("amr", Json.createArrayBuilder())
                    .add("operations", FreshnessOutlook.of(fresh, authTime, acr, expiresAt, now))
                    .add("clock_skew", skew);
            if (acr == null) {
                state.addNull("acr");
            } else {
                state.add("acr", acr);
            }
        }
        session.ifPresent(s -> state.add("csrf", Json.createObjectBuilder().add("header", CSRF_HEADER).add("token", s.csrf())));
        return noStore(Response.ok(state.add("now", now).build().toString(), MediaType.APPLICATION_JSON)).build();
    }

    @GET
    @Path("api/{operation: .+}")
    public Response get(@PathParam("operation") String operation, @CookieParam(COOKIE) String sessionId) {
        return forward("GET", operation, sessionId, null);
    }

    @POST
    @Path("api/{operation: .+}")
    public Response post(@PathParam("operation") String operation, @CookieParam(COOKIE) String sessionId,
            @HeaderParam(CSRF_HEADER) String csrf) {
        return forward("POST", operation, sessionId, csrf);
    }

    /** The provider's refresh grant: a new access token, with the login's {@code auth_time}: not fresh. */
    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(@CookieParam(COOKIE) String sessionId, @HeaderParam(CSRF_HEADER) String csrf) {
        Posting posting = posting(sessionId, csrf);
        if (posting.refusal() != null) {
            return posting.refusal();
        }
        Session session = posting.session();
        Optional<Tokens> tokens = session.tokens();
        if (tokens.isEmpty()) {
            return notSignedIn();
        }
        try {
            Answer answer = provider.refresh(posting.settings(), tokens.get().refresh());
            if (!answer.ok() || answer.text("access_token") == null) {
                session.tokens(null);
                return problem(401, "refresh-refused", "Refresh refused", "The provider refused the refresh token ("
                        + answer.text("error") + "): sign in again");
            }
            String refreshToken = answer.text("refresh_token");
            String idToken = answer.text("id_token");
            session.tokens(new Tokens(answer.text("access_token"), refreshToken == null ? tokens.get().refresh() : refreshToken,
                    idToken == null ? tokens.get().id() : idToken));
            return session(sessionId);
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "freshjwt demo: cannot refresh: {0}", e.getMessage());
            return problem(502, "provider-unavailable", "Bad gateway", "The provider did not answer");
        }
    }

    /** Ends the session here, and at the provider (which then posts its back-channel logout token to the demo). */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(COOKIE) String sessionId, @HeaderParam(CSRF_HEADER) String csrf) {
        Posting posting = posting(sessionId, csrf);
        if (posting.refusal() != null) {
            return posting.refusal();
        }
        sessions.remove(posting.session());
        Optional<Tokens> tokens = posting.session().tokens();
        if (tokens.isPresent()) {
            try {
                Answer answer = provider.endSession(posting.settings(), tokens.get().refresh());
                if (answer.status() >= 300) {
                    LOG.log(Level.WARNING, "freshjwt demo: the provider did not end the session: HTTP {0} {1}",
                            new Object[] {answer.status(), answer.text("error")});
                }
            } catch (ProviderException e) {
                LOG.log(Level.WARNING, "freshjwt demo: cannot end the session at the provider: {0}", e.getMessage());
            }
        }
        return noStore(Response.noContent().header(HttpHeaders.SET_COOKIE, COOKIE + "=; Max-Age=0; Path=/; Secure; HttpOnly;"
                + " SameSite=Lax")).build();
    }

    /**
     * One of the page's calls, made to this same server (its own address, port and context path, never a host the
     * request named) with the session's access token as a Bearer header.
     */
    private Response forward(String method, String operation, String sessionId, String csrf) {
        if (OidcSettings.current().isEmpty()) {
            return notConfigured();
        }
        if (!method.equals(OPERATIONS.get(operation))) {
            return problem(404, "not-found", "Not Found", "No such operation behind /oidc/api/: " + OPERATIONS.keySet());
        }
        Optional<Session> session = sessions.find(sessionId);
        if ("POST".equals(method)) {
            Posting posting = posting(sessionId, csrf);
            if (posting.refusal() != null) {
                return posting.refusal();
            }
        }
        Optional<Tokens> tokens = session.flatMap(Session::tokens);
        if (tokens.isEmpty()) {
            return notSignedIn();
        }
        String host = request.getLocalAddr();
        URI target = URI.create(request.getScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + request.getLocalPort() + request.getContextPath() + "/" + operation);
        HttpRequest.Builder call = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get().access()).header("Accept", "application/json");
        call = "POST".equals(method) ? call.POST(HttpRequest.BodyPublishers.noBody()) : call.GET();
        HttpResponse<byte[]> answer;
        try {
            answer = SELF.send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "freshjwt demo: cannot call " + target, e);
            return problem(502, "bad-gateway", "Bad gateway", "The operation did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(503, "unavailable", "Service unavailable", "Interrupted");
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
        for (String header : new String[] {"Content-Type", "WWW-Authenticate"}) {
            answer.headers().allValues(header).forEach(value -> response.header(header, value));
        }
        return noStore(response).build();
    }

    /**
     * What a state-changing request acts on: the provider's settings and the browser's session; or, instead, the answer
     * that refuses the request ({@code refusal} not null).
     */
    private record Posting(OidcSettings settings, Session session, Response refusal) {
    }

    /**
     * The settings and session of a state-changing request, once the provider is configured (or 404), the browser has a
     * session (or 401) and its CSRF header matches the session's token (or 403).
     */
    private Posting posting(String sessionId, String csrf) {
        Optional<OidcSettings> configured = OidcSettings.current();
        if (configured.isEmpty()) {
            return new Posting(null, null, notConfigured());
        }
        Optional<Session> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return new Posting(null, null, notSignedIn());
        }
        byte[] expected = session.get().csrf().getBytes(StandardCharsets.US_ASCII);
        byte[] given = csrf == null ? new byte[0] : csrf.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Posting(null, null, problem(403, "csrf", "Forbidden", "The " + CSRF_HEADER + " header is missing or wrong"));
        }
        return new Posting(configured.get(), session.get(), null);
    }

    /** The page, with a sign-in error code for it to show (letters and underscores only). */
    private Response toPage(String error, Session newSession) {
        Response.ResponseBuilder redirect = Response.status(Response.Status.SEE_OTHER).location(page(error));
        return noStore(newSession == null ? redirect : withCookie(redirect, newSession)).build();
    }

    private URI page(String error) {
        UriBuilder page = uriInfo.getBaseUriBuilder();
        return error == null ? page.build() : page.queryParam("signin_error", error).build();
    }

    /** The session cookie: Secure like freshjwt's token cookies (browsers take it on http://localhost too). */
    private static Response.ResponseBuilder withCookie(Response.ResponseBuilder response, Session session) {
        return response.header(HttpHeaders.SET_COOKIE, COOKIE + "=" + session.id() + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Response notConfigured() {
        return problem(404, "not-found", "Not Found", "The demo is not configured for an OpenID provider (demo.oidc.*)");
    }

    private static Response notSignedIn() {
        return problem(401, "not-signed-in", "Not signed in", "Sign in with the provider first");
    }

    private static Response problem(int status, String type, String title, String detail) {
        String body = Json.createObjectBuilder().add("type", "https://freshjwt.dev/problems/" + type).add("title", title)
                .add("status", status).add("detail", detail).build().toString();
        return noStore(Response.status(status).type(PROBLEM_JSON).entity(body)).build();
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonNumber number ? number.longValue() : 0;
    }
}
