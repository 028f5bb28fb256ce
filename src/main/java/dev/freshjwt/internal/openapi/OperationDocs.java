package dev.freshjwt.internal.openapi;

import dev.freshjwt.TokenType;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What freshjwt adds to an OpenAPI document: the bearer security scheme and the problem schema once, and on each
 * guarded operation the security requirement, the {@code 401} with its challenge and problem body, and (with token
 * cookies) the {@code 403} of a failed CSRF check. Leaves what the application declared itself.
 */
final class OperationDocs {

    /** The name of the security scheme in {@code components.securitySchemes}. */
    static final String SCHEME = "freshjwt";
    /** The operation's extension that names what its resource method declares, such as {@code @FreshRequired(maxAge = 300)}. */
    static final String EXTENSION = "x-freshjwt";
    /** The name of the problem schema in {@code components.schemas}. */
    static final String PROBLEM_SCHEMA = "FreshJwtProblem";

    private OperationDocs() {
    }

    /** Adds the security scheme and the problem schema, unless the document already has components of those names. */
    static void addComponents(OpenAPI document) {
        Components components = document.getComponents();
        if (components == null) {
            components = OASFactory.createObject(Components.class);
            document.setComponents(components);
        }
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(SCHEME)) {
            components.addSecurityScheme(SCHEME, OASFactory.createObject(SecurityScheme.class)
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A freshjwt access token (a refresh token only where an operation says so), as "
                            + "Authorization: Bearer <token>."));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, problemSchema());
        }
    }

    /** Documents what {@code operation} demands of the caller's token. */
    static void document(Operation operation, GuardedOperation guarded, GuardedOperations application) {
        requireScheme(operation);
        if (operation.getExtensions() == null || !operation.getExtensions().containsKey(EXTENSION)) {
            operation.addExtension(EXTENSION, guarded.requirement().annotation());
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createObject(APIResponses.class);
            operation.setResponses(responses);
        }
        Requirement requirement = guarded.requirement();
        APIResponse unauthorized = response(responses, "401", unauthorizedDescription(requirement));
        if (unauthorized.getHeaders() == null || !unauthorized.getHeaders().containsKey("WWW-Authenticate")) {
            unauthorized.addHeader("WWW-Authenticate", OASFactory.createObject(Header.class)
                    .description(challengeDescription(requirement))
                    .schema(SchemaTypes.typed(OASFactory.createObject(Schema.class), SchemaType.STRING)));
        }
        addProblemContent(unauthorized);
        if (application.cookies() && guarded.changesState()) {
            addProblemContent(response(responses, "403", "The token came in a cookie, and the request does not repeat"
                    + " its CSRF value in the " + application.csrfHeader() + " header (problem type "
                    + Challenges.PROBLEM_BASE + "csrf-failed)."));
        }
    }

    /** {@code security: [{freshjwt: []}]}, or the scheme added to each requirement the application declared itself. */
    private static void requireScheme(Operation operation) {
        List<SecurityRequirement> declared = operation.getSecurity();
        if (declared == null || declared.isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createObject(SecurityRequirement.class).addScheme(SCHEME));
            return;
        }
        for (SecurityRequirement requirement : declared) {
            if (requirement.getSchemes() == null || !requirement.getSchemes().containsKey(SCHEME)) {
                requirement.addScheme(SCHEME);
            }
        }
    }

    private static APIResponse response(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponses() == null ? null : responses.getAPIResponses().get(status);
        if (response == null) {
            response = OASFactory.createObject(APIResponse.class).description(description);
            responses.addAPIResponse(status, response);
        }
        return response;
    }

    private static void addProblemContent(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createObject(Content.class);
            response.setContent(content);
        }
        if (content.getMediaTypes() == null || !content.getMediaTypes().containsKey(Challenges.PROBLEM_JSON)) {
            content.addMediaType(Challenges.PROBLEM_JSON, OASFactory.createObject(MediaType.class)
                    .schema(OASFactory.createObject(Schema.class).ref(PROBLEM_SCHEMA)));
        }
    }

    static String unauthorizedDescription(Requirement requirement) {
        if (requirement.type() == TokenType.REFRESH) {
            return "No refresh token, or one that is invalid, expired, revoked, already used, or an access token:"
                    + " error=\"invalid_token\".";
        }
        String description = "No access token, or one that is invalid, expired, revoked, or a refresh token:"
                + " error=\"invalid_token\".";
        if (!requirement.fresh()) {
            return description;
        }
        List<String> shortfalls = new ArrayList<>(List.of("is not fresh (minted by a refresh, not by a login)"));
        if (requirement.hasMaxAge()) {
            shortfalls.add("whose login (auth_time) is more than " + requirement.maxAge() + " seconds old");
        }
        if (!requirement.acr().isEmpty()) {
            shortfalls.add("whose acr is not " + String.join(" or ", requirement.acr()));
        }
        return description + " A valid access token that " + String.join(", or ", shortfalls)
                + " gets the RFC 9470 step-up challenge error=\"insufficient_user_authentication\""
                + (stepUpMembers(requirement).isEmpty() ? "" : " with " + String.join(" and ", stepUpMembers(requirement)))
                + ": log in again" + (requirement.acr().isEmpty() ? "" : " that way") + ", then retry.";
    }

    private static String challengeDescription(Requirement requirement) {
        String description = "The RFC 6750 Bearer challenge: Bearer (no token), or Bearer error=\"invalid_token\","
                + " error_description=\"…\"";
        if (!requirement.fresh()) {
            return description + ".";
        }
        return description + ", or Bearer error=\"insufficient_user_authentication\", error_description=\"…\""
                + stepUpMembers(requirement).stream().map(member -> ", " + member).collect(Collectors.joining())
                + " (RFC 9470).";
    }

    /** {@code acr_values="…"} and {@code max_age="…"}, as far as the requirement has them. */
    private static List<String> stepUpMembers(Requirement requirement) {
        List<String> members = new ArrayList<>();
        if (!requirement.acr().isEmpty()) {
            members.add("acr_values=\"" + String.join(" ", requirement.acr()) + "\"");
        }
        if (requirement.hasMaxAge()) {
            members.add("max_age=\"" + requirement.maxAge() + "\"");
        }
        return members;
    }

    private static Schema problemSchema() {
        return SchemaTypes.typed(OASFactory.createObject(Schema.class), SchemaType.OBJECT)
                .description("An RFC 9457 problem, as freshjwt answers a refused token.")
                .addProperty("type", string("The problem type: " + Challenges.PROBLEM_BASE + "<reason>, such as"
                        + " invalid-token, missing-token, insufficient-user-authentication, csrf-failed.").format("uri"))
                .addProperty("title", string("A short, human-readable summary of the problem type."))
                .addProperty("status", integer("The HTTP status: 401, or 403 for csrf-failed."))
                .addProperty("detail", string("What was wrong with this request's token."))
                .addProperty("error", string("The error code of the WWW-Authenticate challenge, when it has one:"
                        + " invalid_token or insufficient_user_authentication."))
                .addProperty("acr_values", string("With insufficient_user_authentication: the acr values the operation"
                        + " accepts, space-separated, preferred first (RFC 9470)."))
                .addProperty("max_age", integer("With insufficient_user_authentication: the most seconds since the"
                        + " login that the operation accepts."))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema string(String description) {
        return SchemaTypes.typed(OASFactory.createObject(Schema.class), SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return SchemaTypes.typed(OASFactory.createObject(Schema.class), SchemaType.INTEGER).description(description);
    }
}
