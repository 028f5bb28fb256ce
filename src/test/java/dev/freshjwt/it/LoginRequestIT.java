package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Bad request bodies at /login: a 400 with problem+json, never a 500. */
class LoginRequestIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void malformedOrIncompleteBodiesAreBadRequests() {
        String[] bodies = {"", "{", "[]", "\"text\"", "null", "{}", "{\"username\":\"test\"}",
                "{\"username\":\"test\",\"password\":5}", "{\"username\":[],\"password\":\"test\"}",
                "{\"username\":\"\",\"password\":\"test\"}", "[".repeat(100_000), "{\"username\":\"" + "a".repeat(5000) + "\"}"};
        for (String body : bodies) {
            HttpResponse<String> response = client.post("login", null, "application/json", body);
            assertEquals(400, response.statusCode(), () -> body.substring(0, Math.min(40, body.length())) + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonObject problem = DemoClient.json(response);
            assertEquals(PROBLEM_BASE + "bad-request", problem.getString("type"));
            assertEquals(400, problem.getInt("status"));
        }
    }

    @Test
    void wrongPasswordIsUnauthorizedWithAChallenge() {
        for (String body : new String[] {"{\"username\":\"test\",\"password\":\"wrong\"}",
                "{\"username\":\"nobody\",\"password\":\"test\"}"}) {
            HttpResponse<String> response = client.post("login", null, "application/json", body);
            assertEquals(401, response.statusCode());
            assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(PROBLEM_BASE + "invalid-credentials", DemoClient.json(response).getString("type"));
        }
    }

    @Test
    void formBodiesAreRefusedAsUnsupported() {
        HttpResponse<String> response = client.post("login", null, "application/x-www-form-urlencoded",
                "username=test&password=test");
        assertEquals(415, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** Jersey (Payara) would read a body without Content-Type as JSON, RESTEasy refuses it: the demo refuses it too. */
    @Test
    void bodyWithoutContentTypeIsRefusedAsUnsupported() {
        HttpResponse<String> response = client.post("login", null, null, "{\"username\":\"test\",\"password\":\"test\"}");
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(415, DemoClient.json(response).getInt("status"));
    }
}
