package com.example.sample;

import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;

/**
 * {@code POST /login} with {@code {"username":…,"password":…}}: the identity stores check the password; a valid one
 * becomes a fresh access token and a refresh token for the caller and the groups the stores gave.
 */
@Path("login")
@RequestScoped
public class LoginResource {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(String body) {
        JsonObject request = parse(body);
        if (request == null || !(request.get("username") instanceof JsonString username)
                || !(request.get("password") instanceof JsonString password)) {
            return problem(400, "bad-request", "Send {\"username\": \"…\", \"password\": \"…\"}.");
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(username.getString(), password.getString()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return problem(401, "invalid-credentials", "Wrong username or password.");
        }
        TokenPair tokens = issuer.login(result.getCallerPrincipal().getName(), result.getCallerGroups(), null, List.of("pwd"));
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", tokens.accessToken())
                        .add("refresh_token", tokens.refreshToken())
                        .add("token_type", "Bearer")
                        .add("expires_in", issuer.accessTokenLifetime().toSeconds())
                        .build().toString(), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }

    private static JsonObject parse(String body) {
        try {
            JsonValue value = Json.createReader(new StringReader(body == null ? "" : body)).readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) { // JsonException, or a parser's own exception for absurd nesting
            return null;
        }
    }

    private static Response problem(int status, String type, String detail) {
        Response.ResponseBuilder response = Response.status(status).type("application/problem+json");
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.entity(Json.createObjectBuilder()
                .add("type", "https://sample.example.com/problems/" + type)
                .add("status", status)
                .add("detail", detail).build().toString()).build();
    }
}
