package dev.freshjwt.demo.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The backend's calls to the OpenID provider: its discovery document (fetched once, when first needed), and the token
 * endpoint (code exchange, refresh grant) and the end-session endpoint, authenticated with the client secret
 * ({@code client_secret_basic}). The JDK's HTTP client, 5 s to connect and 10 s for an answer, no redirects followed.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile JsonObject metadata;

    /** The provider could not be reached, or answered something unusable. */
    static final class ProviderException extends Exception {

        private static final long serialVersionUID = 1L;

        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An answer of the token endpoint: its status and JSON body (empty object when it was not JSON). */
    record Answer(int status, JsonObject body) {

        boolean ok() {
            return status == 200;
        }

        String text(String name) {
            return OidcProvider.text(body, name);
        }
    }

    URI authorizationEndpoint(OidcSettings settings) throws ProviderException {
        return URI.create(endpoint(settings, "authorization_endpoint"));
    }

    Answer exchange(OidcSettings settings, String code, String redirectUri, String verifier) throws ProviderException {
        return post(settings, endpoint(settings, "token_endpoint"), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    Answer refresh(OidcSettings settings, String refreshToken) throws ProviderException {
        return post(settings, endpoint(settings, "token_endpoint"),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * Ends the user's session at the provider from the back channel: Keycloak's end-session endpoint takes a POST with
     * the client's credentials and the session's refresh token (no browser redirect), and then sends its back-channel
     * logout tokens, to this demo's {@code /backchannel-logout} among others.
     */
    Answer endSession(OidcSettings settings, String refreshToken) throws ProviderException {
        return post(settings, endpoint(settings, "end_session_endpoint"), Map.of("refresh_token", refreshToken));
    }

    /** The claims of a JWT the provider just handed over the back channel (not verified again here). */
    static Optional<JsonObject> claims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.of(Json.createReader(new StringReader(json)).readObject());
        } catch (IllegalArgumentException | JsonException e) {
            return Optional.empty();
        }
    }

    private String endpoint(OidcSettings settings, String name) throws ProviderException {
        JsonObject known = metadata;
        if (known == null) {
            URI discovery = URI.create(settings.issuer() + "/.well-known/openid-configuration");
            HttpResponse<String> response = send(HttpRequest.newBuilder(discovery).GET());
            JsonObject document = json(response.body());
            if (response.statusCode() != 200 || !settings.issuer().equals(text(document, "issuer"))) {
                throw new ProviderException("The provider's discovery document at " + discovery + " is unusable (HTTP "
                        + response.statusCode() + ", issuer " + text(document, "issuer") + ")", null);
            }
            metadata = known = document;
        }
        String endpoint = text(known, name);
        if (endpoint == null) {
            throw new ProviderException("The provider names no " + name, null);
        }
        return endpoint;
    }

    private Answer post(OidcSettings settings, String endpoint, Map<String, String> form) throws ProviderException {
        String basic = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Answer(response.statusCode(), json(response.body()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws ProviderException {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("The provider did not answer " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("Interrupted while calling " + built.uri(), e);
        }
    }

    private static JsonObject json(String text) {
        try {
            return Json.createReader(new StringReader(text == null ? "" : text)).readObject();
        } catch (RuntimeException e) { // JsonException, IllegalStateException, Parsson's "Input is too deeply nested"
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** The member {@code name} of {@code object} if it is a string, else null. */
    static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
