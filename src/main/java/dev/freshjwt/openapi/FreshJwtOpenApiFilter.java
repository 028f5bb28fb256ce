package dev.freshjwt.openapi;

import dev.freshjwt.internal.openapi.OpenApiDocument;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Documents freshjwt's guards in the application's OpenAPI document ({@code /openapi}). Turn it on with one line in
 * {@code META-INF/microprofile-config.properties}:
 *
 * <pre>
 * mp.openapi.filter=dev.freshjwt.openapi.FreshJwtOpenApiFilter
 * </pre>
 *
 * <p>Then every operation whose resource method (or class) is annotated {@link dev.freshjwt.AccessTokenRequired},
 * {@link dev.freshjwt.FreshRequired} or {@link dev.freshjwt.RefreshTokenRequired} gets:
 * <ul>
 * <li>the security requirement {@code freshjwt}, a scheme added to {@code components.securitySchemes} as
 * {@code {type: http, scheme: bearer, bearerFormat: JWT}} (added to each requirement the operation already
 * declares, since freshjwt's token is needed as well);</li>
 * <li>a {@code 401} response with the {@code WWW-Authenticate} header and an {@code application/problem+json} body of
 * the schema {@code FreshJwtProblem} (added to {@code components.schemas}); its description names
 * {@code insufficient_user_authentication} and the {@code max_age} on {@code @FreshRequired} operations;</li>
 * <li>with token cookies on ({@code freshjwt.token.location} includes {@code cookie}), on {@code POST}, {@code PUT},
 * {@code PATCH} and {@code DELETE}: a {@code 403} response for a failed CSRF check.</li>
 * </ul>
 * Responses, headers and components the application declares itself are kept. Unguarded operations are left as they
 * are. The annotations of CDI beans and EJBs that a resource method calls are not visible here: an operation is
 * described by what its resource method declares.
 *
 * <p>The MicroProfile OpenAPI implementation creates this filter itself; the resource methods come from a CDI
 * extension of freshjwt, which sees the resource classes CDI discovers (with {@code bean-discovery-mode="annotated"},
 * those with a bean-defining annotation such as {@code @RequestScoped}). To combine it with your own filter, call
 * {@code new FreshJwtOpenApiFilter().filterOpenAPI(openAPI)} from your filter's {@code filterOpenAPI}.
 */
public class FreshJwtOpenApiFilter implements OASFilter {

    /** Called by the OpenAPI implementation, which creates the filter named in {@code mp.openapi.filter}. */
    public FreshJwtOpenApiFilter() {
    }

    /** Adds the security scheme, the problem schema, and the security requirement and responses of guarded operations. */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiDocument.document(openAPI);
    }
}
