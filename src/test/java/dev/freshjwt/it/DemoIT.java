package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
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

    @ArquillianResource
    URL base;

    DemoClient client;

    /** Servers listen on loopback only; containers may report the machine's address, so only their port is used. */
    @BeforeEach
    void connect() throws URISyntaxException {
        client = new DemoClient(new URI(base.getProtocol(), null, "127.0.0.1", base.getPort(), base.getPath(), null, null));
    }

    /** A 401 with a Bearer challenge carrying {@code error}, and a problem+json body of that type. */
    static JsonObject assertChallenge(HttpResponse<String> response, String error, String problemType) {
        assertEquals(401, response.statusCode(), response::body);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        if (error == null) {
            assertEquals("Bearer", challenge);
        } else {
            assertTrue(challenge.startsWith("Bearer error=\"" + error + "\""), challenge);
        }
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> response.headers().map().toString());
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
