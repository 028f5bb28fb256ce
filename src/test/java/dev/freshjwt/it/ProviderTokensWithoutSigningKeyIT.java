package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.provider.IssuerLookupResource;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * An application that only guards an OpenID provider's tokens: nothing injects {@code TokenIssuer}, and it deploys
 * without any freshjwt signing key. {@code @FreshRequired} works as with one; a {@code TokenIssuer} looked up all the
 * same fails, naming the key that is missing.
 */
class ProviderTokensWithoutSigningKeyIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withoutSigningKey(IssuerLookupResource.class);
    }

    @Test
    void providerTokensAreGuardedWithoutASigningKey() {
        Instant now = Instant.now();
        HttpResponse<String> fresh = client.get("sensitive_operation", bearer(Deployments.providerAccess(now,
                now.minusSeconds(3)).sign()));
        assertEquals(200, fresh.statusCode(), fresh.body());
        String refreshed = Deployments.providerAccess(now, now.minusSeconds(900)).sign();
        assertEquals("0", assertStepUpRequired(client.get("sensitive_operation", bearer(refreshed)))
                .challengeParameter("max_age"));
        assertEquals(200, client.get("protected", bearer(refreshed)).statusCode());
    }

    @Test
    void anIssuerLookedUpAllTheSameFailsNamingTheMissingKey() {
        HttpResponse<String> lookup = client.get("test/issuer-lookup", null);
        assertEquals(500, lookup.statusCode(), lookup.body());
        assertTrue(lookup.body().startsWith("dev.freshjwt.InvalidConfigurationException: TokenIssuer cannot mint tokens."
                + " No signing key: set freshjwt.sign.key.location"), lookup.body());
        assertTrue(lookup.body().contains("since nothing injects TokenIssuer"), lookup.body());
    }
}
