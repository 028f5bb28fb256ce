package dev.freshjwt.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The realm of the Keycloak the keycloak profile started ({@code keycloak.url}), as committed in
 * {@code server-config/keycloak/} ({@code keycloak.realm.file}, read for its names and test secrets): its endpoints, the
 * demo client's token requests (client secret and PKCE), and the few administrator calls the tests make through
 * Keycloak's admin REST API (bootstrap administrator {@code admin}).
 */
final class KeycloakRealm {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final URI server;
    private final JsonObject realm;
    private final JsonObject client;
    private final JsonObject user;

    private KeycloakRealm(URI server, JsonObject realm) {
        this.server = server;
        this.realm = realm;
        this.client = realm.getJsonArray("clients").getJsonObject(0);
        this.user = realm.getJsonArray("users").getJsonObject(0);
    }

    /** The realm of this test run, from the system properties the keycloak profile sets. */
    static KeycloakRealm fromBuild() {
        String url = System.getProperty("keycloak.url");
        String file = System.getProperty("keycloak.realm.file");
        if (url == null || file == null) {
            throw new IllegalStateException("keycloak.url and keycloak.realm.file are not set: run with -Pkeycloak");
        }
        try {
            String json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return new KeycloakRealm(URI.create(url + "/"), Json.createReader(new StringReader(json)).readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}: the {@code iss} of the realm's tokens. */
    String issuer() {
        return server.resolve("realms/" + realm.getString("realm")).toString();
    }

    /** The realm's JWKS, where the deployment fetches the keys ({@code mp.jwt.verify.publickey.location}). */
    String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    String authorizationEndpoint() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    String clientId() {
        return client.getString("clientId");
    }

    /** The demo client's secret, as the realm file sets it (a confidential client). */
    String clientSecret() {
        return client.getString("secret");
    }

    String username() {
        return user.getString("username");
    }

    /** The password of the realm's user. */
    String password() {
        return credential("password").getString("value");
    }

    /** The key of the user's authenticator app: Keycloak keeps an OTP secret as text, and HMACs with its UTF-8 bytes. */
    byte[] otpKey() {
        String secretData = credential("otp").getString("secretData");
        return Json.createReader(new StringReader(secretData)).readObject().getString("value").getBytes(StandardCharsets.UTF_8);
    }

    /** The token endpoint's answer to an authorization code of the demo client. */
    Tokens exchange(String code, String redirectUri, String codeVerifier) {
        return tokens(form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", codeVerifier)));
    }

    /** The token endpoint's answer to the refresh grant. */
    Tokens refresh(Tokens tokens) {
        return tokens(form(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh())));
    }

    /**
     * Points the demo client at the deployment of this test run: its back-channel logout URL (Keycloak posts logout
     * tokens there) and, beside the realm file's redirect URIs, the test's catcher. Both ports are known only at run time.
     */
    void configureClient(String backChannelLogoutUrl, String redirectUri) {
        String admin = adminToken();
        String path = "admin/realms/" + realm.getString("realm") + "/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(server.resolve(path + "?clientId=" + clientId()))
                .header("Authorization", "Bearer " + admin).GET());
        JsonObject current = Json.createReader(new StringReader(expect(200, found).body())).readArray().getJsonObject(0);
        JsonObject attributes = Json.createObjectBuilder(current.getJsonObject("attributes"))
                .add("backchannel.logout.url", backChannelLogoutUrl)
                .add("backchannel.logout.session.required", "true").build();
        JsonArray redirects = Json.createArrayBuilder(client.getJsonArray("redirectUris")).add(redirectUri).build();
        JsonObject updated = Json.createObjectBuilder(current).add("attributes", attributes).add("redirectUris", redirects)
                .build();
        expect(204, send(HttpRequest.newBuilder(server.resolve(path + "/" + current.getString("id")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(updated.toString()))));
    }

    /**
     * Ends the user's session {@code sid} at Keycloak, as an administrator does (Sessions → Sign out): Keycloak posts
     * a logout token naming that session to the client's back-channel logout URL before it answers.
     */
    void endSession(String sid) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve("admin/realms/" + realm.getString("realm")
                        + "/sessions/" + URLEncoder.encode(sid, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken()).DELETE());
        expect(204, response);
    }

    /** The payload of a JWT, not verified: what the test reads of the tokens Keycloak issued. */
    static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
                .readObject();
    }

    /** The tokens of one answer of the token endpoint. */
    record Tokens(String access, String refresh) {

        JsonObject accessClaims() {
            return claims(access);
        }

        long issuedAt() {
            return accessClaims().getJsonNumber("iat").longValue();
        }

        long authTime() {
            return accessClaims().getJsonNumber("auth_time").longValue();
        }

        String sid() {
            return accessClaims().getString("sid");
        }

        String acr() {
            return accessClaims().getString("acr");
        }
    }

    private JsonObject credential(String type) {
        return user.getJsonArray("credentials").getValuesAs(JsonObject.class).stream()
                .filter(credential -> type.equals(credential.getString("type"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type + " credential in the realm file"));
    }

    private Tokens tokens(String form) {
        String basic = Base64.getEncoder().encodeToString((urlEncode(clientId()) + ":" + urlEncode(client.getString("secret")))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonObject body = Json.createReader(new StringReader(expect(200, response).body())).readObject();
        return new Tokens(body.getString("access_token"), body.getString("refresh_token"));
    }

    private String adminToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve("realms/master/protocol/openid-connect/token"))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", "admin")))));
        return Json.createReader(new StringReader(expect(200, response).body())).readObject().getString("access_token");
    }

    static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(entry -> urlEncode(entry.getKey()) + "=" + urlEncode(entry.getValue())).collect(Collectors.joining("&"));
    }

    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A claim as text, or {@code null}. */
    static String text(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Keycloak answered " + response.uri() + " with " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** Sends {@code request} (HTTP/1.1, redirects not followed, 30 s to answer): the answer, whatever its status. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
