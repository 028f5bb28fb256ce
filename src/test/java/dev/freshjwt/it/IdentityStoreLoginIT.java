package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.WalkthroughIT.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The demo's login through a Jakarta Security identity store: {@code POST /login} and {@code POST /session} check the
 * password with the server's {@code IdentityStoreHandler} against a {@code @DatabaseIdentityStoreDefinition} store in
 * the default data source (PBKDF2 hashes), whose caller and groups go into the tokens; and the store does not touch
 * callers that MicroProfile JWT authenticates: their groups are the token's only.
 */
class IdentityStoreLoginIT extends DemoIT {

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void aLoginThroughTheStoreGivesFreshTokensWithTheCallerAndGroupsOfTheDatabase() {
        JsonObject tokens = client.login();
        JsonObject access = payload(tokens.getString("access_token"));
        assertEquals("test", access.getString("sub"));
        assertEquals(Json.createArrayBuilder().add("user").build(), access.getJsonArray("groups"));
        assertEquals(Json.createArrayBuilder().add("pwd").build(), access.getJsonArray("amr"));
        assertEquals("password", access.getString("acr"));
        assertTrue(access.getBoolean("fresh"));
        JsonObject refresh = payload(tokens.getString("refresh_token"));
        assertEquals("test", refresh.getString("sub"));
        assertEquals(Json.createArrayBuilder().add("user").build(), refresh.getJsonArray("access_groups"));

        HttpResponse<String> sensitive = client.get("sensitive_operation", bearer(tokens.getString("access_token")));
        assertEquals(200, sensitive.statusCode(), sensitive.body());
    }

    @Test
    void theCookieLoginGoesThroughTheStoreToo() {
        CookieClient browser = new CookieClient(client.base());
        JsonObject session = DemoClient.json(browser.login());
        assertEquals("test", session.getString("user"));
        JsonObject state = DemoClient.json(browser.get("session"));
        assertTrue(state.getBoolean("in_role"), state::toString);
        assertEquals("test", state.getString("ejb_caller"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameProblem() {
        for (String path : List.of("login", "session")) {
            HttpResponse<String> wrongPassword = client.post(path, null, JSON, "{\"username\":\"test\",\"password\":\"wrong\"}");
            HttpResponse<String> unknownUser = client.post(path, null, JSON, "{\"username\":\"nobody\",\"password\":\"test\"}");
            HttpResponse<String> otherCase = client.post(path, null, JSON, "{\"username\":\"test\",\"password\":\"TEST\"}");
            for (HttpResponse<String> response : List.of(wrongPassword, unknownUser, otherCase)) {
                assertEquals(401, response.statusCode(), () -> path + ": " + response.body());
                assertEquals(List.of(PROBLEM_JSON), response.headers().allValues("Content-Type"), path);
                assertEquals(List.of("Bearer"), response.headers().allValues("WWW-Authenticate"), path);
                assertEquals(PROBLEM_BASE + "invalid-credentials", DemoClient.json(response).getString("type"), path);
                assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), path);
            }
            assertEquals(wrongPassword.body(), unknownUser.body(), "nothing tells whether the user exists");
        }
    }

    /**
     * The store holds group {@code user} for {@code test}, but a token's caller gets the token's groups and no others:
     * MicroProfile JWT, not the identity store, authenticates requests with a token. The role is asked of the JAX-RS
     * {@code SecurityContext} ({@code GET /session}) and of the EJB container ({@code AccountService} is
     * {@code @RolesAllowed("user")}, behind {@code POST /account/password}), and the resource's own {@code @RolesAllowed}
     * refuses it (on WildFly since the demo's {@code web.xml} sets {@code resteasy.role.based.security}).
     */
    @Test
    void aJwtCallerHasTheGroupsOfItsTokenOnlyNeverTheDatabases() {
        String withoutGroups = bearer(Deployments.freshAccess(Instant.now()).without("groups").sign());
        JsonObject state = DemoClient.json(client.get("session", withoutGroups));
        assertTrue(state.getBoolean("authenticated"), state::toString);
        assertEquals("test", state.getString("user"));
        assertFalse(state.getBoolean("in_role"), "the database's group must not reach a token without groups");
        assertEquals("", state.getString("ejb_caller"));
        HttpResponse<String> notInRole = client.get("protected", withoutGroups);
        assertEquals(403, notInRole.statusCode(), notInRole.body());
        HttpResponse<String> refused = client.post("account/password", withoutGroups, null, null);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));

        String unknownToTheDatabase = bearer(Deployments.freshAccess(Instant.now()).claim("sub", "nobody")
                .claim("upn", "nobody").sign());
        JsonObject nobody = DemoClient.json(client.get("session", unknownToTheDatabase));
        assertEquals("nobody", nobody.getString("user"));
        assertTrue(nobody.getBoolean("in_role"), nobody::toString);
        assertEquals("nobody", nobody.getString("ejb_caller"));
        assertPastThePasswordChangesGuard(client.post("account/password", unknownToTheDatabase, null, null));
    }
}
