package dev.freshjwt.internal.jaxrs;

import dev.freshjwt.internal.guard.Requirements;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every JAX-RS resource method a {@link TokenRequirementFilter} for the requirement its annotations
 * declare, resolved once at deployment. Unannotated methods get one too: it refuses refresh tokens and bearer
 * tokens the container could not verify. Runs at {@link Priorities#AUTHENTICATION}, before
 * {@code @RolesAllowed} checks.
 */
@Provider
public class TokenRequirementFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new TokenRequirementFilter(
                Requirements.of(resource.getResourceClass(), resource.getResourceMethod())), Priorities.AUTHENTICATION);
    }
}
