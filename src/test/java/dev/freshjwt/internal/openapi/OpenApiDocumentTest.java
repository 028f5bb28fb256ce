package dev.freshjwt.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.guard.Requirement;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final GuardedOperations DEMO = new GuardedOperations(List.of(
            new GuardedOperation("GET", "/protected", Requirement.ACCESS),
            new GuardedOperation("POST", "/account/password", Requirement.fresh(300)),
            new GuardedOperation("POST", "/session/refresh", Requirement.REFRESH),
            new GuardedOperation("POST", "/transfer", Requirement.fresh(300, List.of("mfa", "otp"))),
            new GuardedOperation("GET", "/session", Requirement.NONE)), true, "X-CSRF-TOKEN");

    @Test
    void guardedOperationsGetTheSchemeTheirChallengeAndTheProblemSchema() {
        OpenAPI document = document(Map.of(
                "/protected", path(PathItem.HttpMethod.GET),
                "/account/password", path(PathItem.HttpMethod.POST),
                "/session/refresh", path(PathItem.HttpMethod.POST),
                "/session", path(PathItem.HttpMethod.GET)));

        OpenApiDocument.document(document, DEMO);

        SecurityScheme scheme = document.getComponents().getSecuritySchemes().get("freshjwt");
        assertEquals(SecurityScheme.Type.HTTP, scheme.getType());
        assertEquals("bearer", scheme.getScheme());
        assertEquals("JWT", scheme.getBearerFormat());
        Schema problem = document.getComponents().getSchemas().get("FreshJwtProblem");
        assertTrue(problem.getProperties().keySet().containsAll(List.of("type", "title", "status", "detail", "error", "max_age")));

        for (String path : List.of("/protected", "/account/password", "/session/refresh")) {
            Operation operation = document.getPaths().getPathItem(path).getOperations().values().iterator().next();
            assertEquals(List.of(List.of("freshjwt")), operation.getSecurity().stream()
                    .map(requirement -> List.copyOf(requirement.getSchemes().keySet())).toList(), path);
            APIResponse unauthorized = operation.getResponses().getAPIResponse("401");
            assertNotNull(unauthorized.getHeaders().get("WWW-Authenticate"), path);
            assertEquals("#/components/schemas/FreshJwtProblem",
                    unauthorized.getContent().getMediaType("application/problem+json").getSchema().getRef(), path);
        }
        String fresh = document.getPaths().getPathItem("/account/password").getPOST().getResponses().getAPIResponse("401")
                .getDescription();
        assertTrue(fresh.contains("insufficient_user_authentication") && fresh.contains("max_age=\"300\""), fresh);
        assertFalse(document.getPaths().getPathItem("/protected").getGET().getResponses().getAPIResponse("401")
                .getDescription().contains("insufficient_user_authentication"));
        Operation session = document.getPaths().getPathItem("/session").getGET();
        assertNull(session.getSecurity());
        assertNull(session.getResponses().getAPIResponse("401"));
    }

    @Test
    void acrValuesAndMaxAgeAreNamedInTheChallengeAndTheDeclarationInAnExtension() {
        OpenAPI document = document(Map.of("/transfer", path(PathItem.HttpMethod.POST),
                "/protected", path(PathItem.HttpMethod.GET)));

        OpenApiDocument.document(document, DEMO);

        APIResponse unauthorized = document.getPaths().getPathItem("/transfer").getPOST().getResponses().getAPIResponse("401");
        assertTrue(unauthorized.getDescription().contains("whose acr is not mfa or otp"), unauthorized.getDescription());
        assertTrue(unauthorized.getDescription().contains("with acr_values=\"mfa otp\" and max_age=\"300\""),
                unauthorized.getDescription());
        String challenge = unauthorized.getHeaders().get("WWW-Authenticate").getDescription();
        assertTrue(challenge.contains("insufficient_user_authentication\", error_description=\"…\", acr_values=\"mfa otp\","
                + " max_age=\"300\" (RFC 9470)"), challenge);
        assertEquals("@FreshRequired(maxAge = 300, acr = {\"mfa\", \"otp\"})",
                document.getPaths().getPathItem("/transfer").getPOST().getExtensions().get("x-freshjwt"));
        assertEquals("@AccessTokenRequired",
                document.getPaths().getPathItem("/protected").getGET().getExtensions().get("x-freshjwt"));
    }

    @Test
    void stateChangingOperationsGetTheCsrfFailureWhenCookiesAreOn() {
        OpenAPI document = document(Map.of("/protected", path(PathItem.HttpMethod.GET),
                "/account/password", path(PathItem.HttpMethod.POST)));

        OpenApiDocument.document(document, DEMO);

        APIResponse csrf = document.getPaths().getPathItem("/account/password").getPOST().getResponses().getAPIResponse("403");
        assertTrue(csrf.getDescription().contains("csrf-failed") && csrf.getDescription().contains("X-CSRF-TOKEN"));
        assertNull(document.getPaths().getPathItem("/protected").getGET().getResponses().getAPIResponse("403"));
    }

    @Test
    void whatTheApplicationDeclaredIsKeptAndItsSecurityRequirementsAlsoNeedTheToken() {
        Operation operation = OASFactory.createObject(Operation.class)
                .responses(OASFactory.createObject(APIResponses.class).addAPIResponse("401",
                        OASFactory.createObject(APIResponse.class).description("Ours")))
                .addSecurityRequirement(OASFactory.createObject(SecurityRequirement.class).addScheme("apiKey"));
        OpenAPI document = document(Map.of("/ROOT/protected", OASFactory.createObject(PathItem.class).GET(operation)));

        OpenApiDocument.document(document, DEMO);

        APIResponse unauthorized = operation.getResponses().getAPIResponse("401");
        assertEquals("Ours", unauthorized.getDescription());
        assertNotNull(unauthorized.getHeaders().get("WWW-Authenticate"));
        assertNotNull(unauthorized.getContent().getMediaType("application/problem+json"));
        assertEquals(1, operation.getSecurity().size());
        assertEquals(List.of("apiKey", "freshjwt"), List.copyOf(operation.getSecurity().get(0).getSchemes().keySet()));
    }

    @Test
    void documentWithoutGuardedOperationsGetsNoComponents() {
        OpenAPI document = document(Map.of("/session", path(PathItem.HttpMethod.GET)));

        OpenApiDocument.document(document, DEMO);

        assertNull(document.getComponents());
    }

    private static OpenAPI document(Map<String, PathItem> items) {
        Paths paths = OASFactory.createObject(Paths.class);
        items.forEach(paths::addPathItem);
        return OASFactory.createObject(OpenAPI.class).paths(paths);
    }

    private static PathItem path(PathItem.HttpMethod method) {
        Operation operation = OASFactory.createObject(Operation.class)
                .responses(OASFactory.createObject(APIResponses.class).addAPIResponse("200",
                        OASFactory.createObject(APIResponse.class).description("OK")));
        PathItem item = OASFactory.createObject(PathItem.class);
        item.setOperation(method, operation);
        return item;
    }
}
