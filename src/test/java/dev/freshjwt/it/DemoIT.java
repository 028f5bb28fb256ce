package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the demo as a client sees it, and the assertions on what a client
 * receives. Each subclass declares its deployment in one line through {@link Deployments}. The same classes run
 * on every server profile.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DemoIT {

    static final String PROBLEM_BASE = "https://freshjwt.dev/problems/";
    static final String PROBLEM_JSON = "application/problem+json";

    @ArquillianResource
    URL base;

    DemoClient client;

    @BeforeEach
    void connect() {
        client = DemoClient.at(base);
    }

    /**
     * A 401 exactly as freshjwt writes it on every server, whoever refused the request (the container, the library's
     * filter or error page, JAX-RS, an interceptor): one Bearer challenge carrying {@code error}, {@code Cache-Control:
     * no-store}, and a problem+json body of that type.
     */
    static JsonObject assertChallenge(HttpResponse<String> response, String error, String problemType) {
        assertEquals(401, response.statusCode(), response::body);
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertEquals(1, challenges.size(), challenges::toString);
        if (error == null) {
            assertEquals("Bearer", challenges.get(0));
        } else {
            assertTrue(challenges.get(0).startsWith("Bearer error=\"" + error + "\""), challenges.get(0));
        }
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(List.of(PROBLEM_JSON), response.headers().allValues("Content-Type"));
        JsonObject problem = DemoClient.json(response);
        assertEquals(PROBLEM_BASE + problemType, problem.getString("type"));
        assertEquals(401, problem.getInt("status"));
        return problem;
    }

    static void assertInvalidToken(HttpResponse<String> response) {
        assertChallenge(response, "invalid_token", "invalid-token");
    }

    static void assertStepUp(HttpResponse<String> response) {
        JsonObject problem = assertChallenge(response, "insufficient_user_authentication", "insufficient-user-authentication");
        assertEquals("insufficient_user_authentication", problem.getString("error"));
    }
}
