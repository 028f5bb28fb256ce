package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A full revocation store never answers a 500: a logout it cannot record is a 503 problem that says the token was not
 * revoked, and the token indeed still works; logins go on. (The in-memory store here holds four live entries: three revocations and the count of their subject.)
 */
class RevocationCapacityIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("freshjwt.revocation.store=memory", "freshjwt.revocation.max-entries=4");
    }

    @Test
    void aLogoutTheStoreCannotRecordSaysSoAndTheTokenStaysValid() {
        for (int i = 0; i < 3; i++) {
            String access = client.login().getString("access_token");
            assertEquals(204, client.post("logout", bearer(access), null, null).statusCode());
        }
        String survivor = client.login().getString("access_token");
        HttpResponse<String> full = client.post("logout", bearer(survivor), null, null);
        assertEquals(503, full.statusCode(), full.body());
        assertEquals(List.of("application/problem+json"), full.headers().allValues("Content-Type"));
        assertEquals("60", full.headers().firstValue("Retry-After").orElse(""));
        JsonObject problem = DemoClient.json(full);
        assertEquals(PROBLEM_BASE + "revocation-unavailable", problem.getString("type"));
        assertEquals(503, problem.getInt("status"));
        assertTrue(problem.getString("detail").startsWith("The token was not revoked"), problem::toString);
        assertEquals(200, client.get("protected", bearer(survivor)).statusCode(), "not revoked, as the answer said");

        CookieClient browser = new CookieClient(client.base());
        browser.login();
        HttpResponse<String> cookieLogout = browser.delete("session", CookieIT.CSRF_HEADER, browser.cookie(CookieIT.CSRF_ACCESS));
        assertEquals(503, cookieLogout.statusCode(), cookieLogout.body());
        assertTrue(cookieLogout.headers().allValues("Set-Cookie").isEmpty(), "the cookies stay, since the session does");
        assertEquals(200, browser.get("protected").statusCode());
    }
}
