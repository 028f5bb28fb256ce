package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestIssuer;
import dev.freshjwt.testing.TestToken;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * MicroProfile Health where each server serves it: freshjwt's readiness check {@code freshjwt} is UP with its store,
 * live entries and signing key (never a subject or token id), liveness is UP and holds no check of freshjwt's.
 */
class HealthIT extends DemoIT {

    private static final TestIssuer KIT = Deployments.ISSUER;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void readinessIsUpWithTheRevocationStoreAndTheSigningKeyTheJwksPublishes(TestReporter report) {
        HttpResponse<String> readiness = Health.readiness(base);
        report.publishEntry("readiness", readiness.body());
        assertEquals(200, readiness.statusCode(), readiness.body());
        JsonObject check = Health.check(readiness, Health.FRESHJWT);
        assertEquals("UP", check.getString("status"), check.toString());
        JsonObject data = check.getJsonObject("data");
        assertEquals("memory", data.getString("revocation-store"), "the test servers keep revocations in memory");
        assertTrue(Health.number(check, "revocation-entries") >= 0, check.toString());
        assertFalse(data.containsKey("revocation-last-read-age-ms"), "a store read on every check has no last read");
        String publishedKid = DemoClient.json(client.get(".well-known/jwks.json", null)).getJsonArray("keys")
                .getJsonObject(0).getString("kid");
        assertEquals(publishedKid, data.getString("signing-key-id"));
        assertEquals("RS256", data.getString("signing-key-algorithm"));
    }

    @Test
    void aRevocationCountsAsAnEntryWithoutNamingItsSubjectOrToken() {
        long before = entries();
        TestToken token = KIT.accessToken("health-subject-7f3a").groups("user");
        String signed = token.sign();
        KIT.revoke(base, signed);
        assertTrue(entries() > before, "the revoked token's entry is counted");
        String body = Health.readiness(base).body();
        assertFalse(body.contains("health-subject-7f3a"), body);
        assertFalse(body.contains((String) token.claims().get("jti")), body);
    }

    @Test
    void livenessIsUpAndDoesNotDependOnFreshJwt() {
        HttpResponse<String> liveness = Health.liveness(base);
        assertEquals(200, liveness.statusCode(), liveness.body());
        assertEquals("UP", DemoClient.json(liveness).getString("status"));
        assertTrue(Health.findCheck(liveness, Health.FRESHJWT).isEmpty(), liveness.body());
    }

    private long entries() {
        return Health.number(Health.check(Health.readiness(base), Health.FRESHJWT), "revocation-entries");
    }
}
