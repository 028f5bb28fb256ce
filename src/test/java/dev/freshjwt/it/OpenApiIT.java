package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code /openapi} on every server, with freshjwt's OpenAPI filter: the bearer scheme, and the security
 * requirement, 401 challenge and problem schema of every guarded operation; unguarded operations untouched. (The demo
 * names the filter in {@code mp.openapi.filter}; the document is read as JSON from the root of the server.)
 */
class OpenApiIT extends DemoIT {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/FreshJwtProblem";

    private static final String ACCESS = "@AccessTokenRequired";
    private static final String FRESH = "@FreshRequired";
    private static final String REFRESH = "@RefreshTokenRequired";
    private static final String TRANSFER = "@FreshRequired(maxAge = 300, acr = {\"mfa\"})";

    /** What the demo's resource methods declare. */
    private static final Map<String, String> GUARDED = Map.of(
            "GET /protected", ACCESS,
            "GET /sensitive_operation", FRESH,
            "POST /account/password", ACCESS, // the EJB behind it asks for maxAge 300; the resource for any token
            "POST /refresh", REFRESH,
            "POST /logout", ACCESS,
            "POST /logout/all", ACCESS,
            "POST /session/refresh", REFRESH,
            "DELETE /session", ACCESS,
            "POST /transfer", TRANSFER);

    private static final List<String> UNGUARDED = List.of("POST /login", "GET /session", "POST /session",
            "GET /.well-known/jwks.json");

    private JsonObject document;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    /** {@code /openapi} sits at the root of the server on all three, whatever the application's context root. */
    @BeforeEach
    void readDocument() {
        HttpResponse<String> response = client.getJson("/openapi?format=JSON", null);
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers()::toString);
        document = DemoClient.json(response);
    }

    @Test
    void documentOffersTheBearerSchemeAndTheProblemSchema() {
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("freshjwt");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        assertEquals("JWT", scheme.getString("bearerFormat"));
        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("FreshJwtProblem");
        assertTrue(problem.getJsonObject("properties").keySet().containsAll(List.of("type", "title", "status", "detail",
                "error", "acr_values", "max_age")), problem::toString);
    }

    @Test
    void guardedOperationsRequireTheSchemeAndDescribeTheirChallenge() {
        GUARDED.forEach((operation, declared) -> {
            JsonObject described = operation(operation);
            assertEquals(declared, described.getString("x-freshjwt"), operation);
            assertEquals(List.of("freshjwt"), described.getJsonArray("security").stream()
                    .flatMap(requirement -> requirement.asJsonObject().keySet().stream()).toList(), operation);
            JsonObject unauthorized = described.getJsonObject("responses").getJsonObject("401");
            assertNotNull(unauthorized, operation);
            assertNotNull(unauthorized.getJsonObject("headers").get("WWW-Authenticate"), operation);
            assertEquals(PROBLEM_SCHEMA, unauthorized.getJsonObject("content").getJsonObject(PROBLEM_JSON)
                    .getJsonObject("schema").getString("$ref"), operation);
            String description = unauthorized.getString("description");
            assertTrue(description.contains("invalid_token"), description);
            assertEquals(declared.startsWith(FRESH), description.contains("insufficient_user_authentication"), operation);
            if (declared.equals(TRANSFER)) {
                assertTrue(description.contains("acr_values=\"mfa\"") && description.contains("max_age=\"300\""),
                        description);
            }
            assertEquals(declared.equals(REFRESH), description.startsWith("No refresh token"), operation);
        });
    }

    @Test
    void stateChangingGuardedOperationsDescribeTheCsrfFailureOfCookieRequests() {
        GUARDED.keySet().forEach(operation -> {
            JsonValue forbidden = operation(operation).getJsonObject("responses").get("403");
            assertEquals(!operation.startsWith("GET "), forbidden != null, operation);
            if (forbidden != null) {
                assertTrue(forbidden.asJsonObject().getString("description").contains("X-CSRF-TOKEN"), operation);
                assertNotNull(forbidden.asJsonObject().getJsonObject("content").get(PROBLEM_JSON), operation);
            }
        });
    }

    @Test
    void unguardedOperationsAreLeftWithoutTheSchemeOrChallenge() {
        for (String operation : UNGUARDED) {
            JsonObject described = operation(operation);
            assertFalse(described.toString().contains("freshjwt"), operation + ": " + described);
            assertFalse(described.getJsonObject("responses").containsKey("401"), operation + ": " + described);
        }
    }

    @Test
    void documentStaysPublicForACallerWithAToken() {
        String access = client.login().getString("access_token");
        HttpResponse<String> response = client.getJson("/openapi?format=JSON", DemoClient.bearer(access));
        assertEquals(200, response.statusCode(), response::body);
        assertEquals(document, DemoClient.json(response));
    }

    /**
     * The operation {@code "METHOD /path"} of the document. Its path is the resource's, or the same below the context
     * root where the server documents that in the path (the tests run at {@code /ROOT/} on Open Liberty).
     */
    private JsonObject operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonObject paths = document.getJsonObject("paths");
        String contextRoot = client.base().getPath().replaceAll("/$", "");
        String key = paths.containsKey(parts[1]) ? parts[1] : contextRoot + parts[1];
        assertTrue(paths.containsKey(key), () -> operation + " is not in " + paths.keySet());
        JsonObject item = paths.getJsonObject(key);
        JsonObject described = item.getJsonObject(parts[0].toLowerCase(Locale.ROOT));
        assertNotNull(described, operation + " is not in " + item);
        return described;
    }
}
