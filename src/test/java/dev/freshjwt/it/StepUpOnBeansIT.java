package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.beans.StrongPayments;
import dev.freshjwt.it.beans.StrongResource;
import dev.freshjwt.it.beans.StrongSettings;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code @FreshRequired(acr = …)} on an EJB and on a CDI bean answers as on a resource: the RFC 9470 challenge with
 * {@code acr_values} (and {@code max_age}), never a 500 whatever the {@code acr} claim holds.
 */
class StepUpOnBeansIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo().addClasses(StrongPayments.class, StrongSettings.class, StrongResource.class);
    }

    @Test
    void aSecondFactorLoginPassesOnAnEjbAndACdiBean() {
        for (String acr : List.of("mfa", "hwk")) {
            String strong = Deployments.freshAccess(Instant.now()).claim("acr", acr).claim("amr", List.of("pwd", "otp")).sign();
            HttpResponse<String> ejb = client.get("test/strong/ejb", bearer(strong));
            assertEquals(200, ejb.statusCode(), ejb.body());
            assertEquals("paid by an EJB", ejb.body());
        }
        String mfa = Deployments.freshAccess(Instant.now()).claim("acr", "mfa").sign();
        assertEquals("changed by a CDI bean", client.get("test/strong/bean", bearer(mfa)).body());
    }

    @Test
    void aPasswordOnlyLoginGetsTheAcrChallengeFromAnEjbAndACdiBean() {
        String password = Deployments.freshAccess(Instant.now()).claim("acr", "password").sign();
        HttpResponse<String> ejb = client.get("test/strong/ejb", bearer(password));
        assertStepUpRequired(ejb);
        assertEquals("Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger authentication is"
                + " required\", acr_values=\"mfa hwk\", max_age=\"300\"", ejb.headers().firstValue("WWW-Authenticate").orElseThrow());
        JsonObject problem = DemoClient.json(ejb);
        assertEquals("mfa hwk", problem.getString("acr_values"));
        assertEquals(300, problem.getInt("max_age"));

        HttpResponse<String> bean = client.get("test/strong/bean", bearer(password));
        assertStepUpRequired(bean);
        assertTrue(bean.headers().firstValue("WWW-Authenticate").orElseThrow().endsWith("acr_values=\"mfa\""));
        assertEquals("mfa", DemoClient.json(bean).getString("acr_values"));
    }

    @Test
    void oddAcrClaimsAreAStepUpNeverAServerError() {
        for (Object odd : new Object[] {42, List.of("mfa"), true, Map.of("acr", "mfa")}) {
            String token = Deployments.freshAccess(Instant.now()).claim("acr", odd).sign();
            assertStepUpRequired(client.get("test/strong/ejb", bearer(token)));
            assertStepUpRequired(client.get("test/strong/bean", bearer(token)));
        }
        String none = Deployments.freshAccess(Instant.now()).sign();
        assertStepUpRequired(client.get("test/strong/ejb", bearer(none)));
    }
}
