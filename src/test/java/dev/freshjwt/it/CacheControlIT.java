package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * No cache keeps what a caller's token showed: after the logout, the browser's Back button cannot show
 * "You have access … user test" again. Every answer to a request with a token, and every refusal, says
 * {@code Cache-Control: no-store}, once, unless the application chose its own.
 */
class CacheControlIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void answersToABearerTokenAreNotStored() {
        String token = bearer(client.login().getString("access_token"));
        HttpResponse<String> access = client.get("protected", token);
        assertEquals(200, access.statusCode(), access.body());
        assertNoStore(access);
        assertNoStore(client.get("no/such/endpoint", token)); // an error answer depends on the token too
    }

    @Test
    void answersToATokenCookieAreNotStoredAndGoneAfterTheLogout() {
        CookieClient browser = new CookieClient(client.base());
        browser.login();
        HttpResponse<String> access = browser.get("protected");
        assertEquals(200, access.statusCode(), access.body());
        assertTrue(access.body().contains("test"), access.body());
        assertNoStore(access);
        String csrf = browser.cookie(CookieIT.CSRF_ACCESS);
        assertEquals(204, browser.delete("session", CookieIT.CSRF_HEADER, csrf).statusCode());
        assertNoStore(browser.get("protected")); // the refusal after the logout
    }

    @Test
    void refusalsAreNotStored() {
        assertNoStore(client.get("protected", null));
        assertNoStore(client.get("protected", bearer(Deployments.refresh().sign())));
        assertNoStore(client.get("protected", bearer(Deployments.freshAccess(Instant.now()).forged().sign())));
    }

    /** The demo page chooses its own policy (revalidate on every load), token or not: it stays, alone. */
    @Test
    void theApplicationsOwnCacheControlIsKept() {
        List<String> own = client.get("", null).headers().allValues("Cache-Control");
        assertEquals(1, own.size(), own::toString);
        String token = bearer(client.login().getString("access_token"));
        assertEquals(own, client.get("", token).headers().allValues("Cache-Control"));
    }

    /** Exactly one header; Open Liberty appends {@code no-cache="set-cookie"} to a response that sets a cookie. */
    private static void assertNoStore(HttpResponse<String> response) {
        List<String> values = response.headers().allValues("Cache-Control");
        assertEquals(1, values.size(), response.statusCode() + " " + values);
        assertTrue(values.get(0).startsWith("no-store"), response.statusCode() + " " + values);
    }
}
