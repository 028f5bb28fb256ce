package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.FreshJwtAssertions;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the demo as a client sees it. Each subclass declares its deployment in one line
 * through {@link Deployments}; refusals are checked with the test kit's {@link FreshJwtAssertions}, as users check
 * theirs. The same classes run on every server profile.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DemoIT {

    static final String PROBLEM_BASE = FreshJwtAssertions.PROBLEM_BASE;
    static final String PROBLEM_JSON = "application/problem+json";

    @ArquillianResource
    URL base;

    DemoClient client;

    @BeforeEach
    void connect() {
        client = DemoClient.at(base);
    }

    /**
     * Waits until the server's clock ({@code GET session}'s {@code now}) has passed {@code epochSecond}:
     * {@code revokeAllFor} revokes the tokens issued before the current second, so a session must be a second older
     * than a password change or a logout everywhere to be ended by it.
     */
    void awaitServerSecondAfter(long epochSecond) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (DemoClient.json(client.get("session", null)).getJsonNumber("now").longValue() <= epochSecond) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server's clock never passed " + epochSecond);
            }
        }
    }

    /**
     * The token got past the freshness guard of {@code POST /account/password} (the EJB's
     * {@code @FreshRequired(maxAge = 300)}) and the {@code @RolesAllowed} of both layers: without a body, the answer is
     * the 400 about the body, which the EJB gives only after the guard (a stale token gets the step-up 401 first). The
     * password itself is changed only by {@code PasswordChangeIT} and {@code BrowserIT}, on user {@code alice}.
     */
    static void assertPastThePasswordChangesGuard(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(DemoClient.json(response).getString("detail").contains("\"new_password\""), response.body());
    }
}
