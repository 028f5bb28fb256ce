package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The demo page at {@code /} is served as a page that holds a session should be: a Content-Security-Policy without
 * inline script or style and no framing, {@code nosniff}, no referrer; the JSON API keeps its own headers. (The page
 * itself, in a real browser: {@code BrowserIT}.) {@code GET /session} tells the page what the server will decide on
 * each guarded operation, and until when.
 */
class DemoPageIT extends DemoIT {

    /** What Chromium accepts when it navigates: anything, HTML preferred. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void pageIsServedWithItsSecurityHeadersAndTheJsonApiWithout() {
        Map<String, String> files = Map.of("", "text/html", "app.js", "text/javascript", "app.css", "text/css",
                "favicon.svg", "image/svg+xml");
        files.forEach((file, type) -> {
            HttpResponse<String> response = client.get(file, null);
            assertEquals(200, response.statusCode(), file);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(type), file);
            assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), file);
            assertEquals(List.of("no-referrer"), response.headers().allValues("Referrer-Policy"), file);
            assertEquals(List.of("no-cache"), response.headers().allValues("Cache-Control"), file);
            List<String> policies = response.headers().allValues("Content-Security-Policy");
            assertEquals(1, policies.size(), file);
            Map<String, String> policy = directives(policies.get(0));
            assertFalse(policies.get(0).contains("unsafe"), policies.get(0));
            assertEquals("'none'", policy.get("frame-ancestors"));
            assertEquals("'none'", policy.get("base-uri"));
            assertEquals("'none'", policy.get("object-src"));
            assertEquals("'self'", policy.get("form-action"));
            assertTrue(Set.of("'none'", "'self'").contains(policy.get("default-src")), policy::toString);
            for (String kind : List.of("script-src", "style-src", "connect-src")) {
                assertEquals("'self'", policy.getOrDefault(kind, policy.get("default-src")), kind);
            }
        });
        assertTrue(client.get("", null).body().contains("id=\"login-form\""));
        HttpResponse<String> api = client.get("session", null);
        assertEquals(200, api.statusCode(), api.body());
        assertEquals(List.of(), api.headers().allValues("Content-Security-Policy"));
    }

    /** Browsers ask for {@code /favicon.ico} wherever no page names an icon: it leads to the page's icon. */
    @Test
    void faviconIcoLeadsToTheIcon() {
        HttpResponse<String> icon = client.get("favicon.ico", null);
        assertEquals(301, icon.statusCode(), icon.body());
        String location = icon.headers().firstValue("Location").orElseThrow();
        assertEquals(client.base().resolve("favicon.svg"), icon.uri().resolve(location));
    }

    /**
     * {@code GET /session} says, per guarded operation, what the server will decide and until when: the
     * {@code @FreshRequired} of the operation with the clock skew of {@code maxAge} ({@code mp.jwt.verify.clock.skew},
     * 60 s in the demo); and the server decides so.
     */
    @Test
    void theSessionTellsWhatTheServerWillDecideOnEachOperationAndUntilWhen() {
        Instant fourMinutesAgo = Instant.now().minus(Duration.ofMinutes(4));
        long authTime = fourMinutesAgo.getEpochSecond();
        String fourMinutes = bearer(Deployments.freshAccess(fourMinutesAgo).sign());
        JsonObject state = DemoClient.json(client.get("session", fourMinutes));
        assertEquals(60, state.getInt("clock_skew"), state::toString);
        JsonObject operations = state.getJsonObject("operations");
        assertOpen(operations, "sensitive_operation", state.getJsonNumber("expires_at").longValue());
        assertOpen(operations, "account/password", authTime + 300 + 60);
        assertEquals(300, operations.getJsonObject("account/password").getInt("max_age"));
        assertClosed(operations, "transfer", "password and a code");
        assertPastThePasswordChangesGuard(client.post("account/password", fourMinutes, null, null));
        assertStepUpRequired(client.post("transfer", fourMinutes, null, null));

        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        String tenMinutes = bearer(Deployments.freshAccess(tenMinutesAgo).acr("mfa").sign());
        operations = DemoClient.json(client.get("session", tenMinutes)).getJsonObject("operations");
        assertTrue(operations.getJsonObject("sensitive_operation").getBoolean("open"), operations::toString);
        assertClosed(operations, "account/password", "more than 300 s (+ 60 s clock skew) ago");
        assertClosed(operations, "transfer", "more than 300 s (+ 60 s clock skew) ago");
        assertStepUpRequired(client.post("account/password", tenMinutes, null, null));

        String notFresh = bearer(Deployments.freshAccess(Instant.now()).notFresh().sign());
        operations = DemoClient.json(client.get("session", notFresh)).getJsonObject("operations");
        for (String path : List.of("sensitive_operation", "account/password", "transfer")) {
            assertClosed(operations, path, "fresh login");
        }
        assertStepUpRequired(client.get("sensitive_operation", notFresh));
    }

    /**
     * A form on another site that posts to the API: the browser sends none of the demo's SameSite=Strict cookies and
     * navigates to the answer. It gets the same 401, as a short HTML page under the page's security headers, that
     * says the user is not signed in and links to the page; a script's {@code fetch} and curl still get problem JSON.
     */
    @Test
    void aRefusedNavigationIsAnHtmlPageThatSaysNotSignedInAndFetchStillGetsProblemJson() {
        CookieClient crossSite = new CookieClient(client.base());
        HttpResponse<String> page = crossSite.post("account/password", "current_password=a&new_password=b",
                "Content-Type", "application/x-www-form-urlencoded", "Accept", BROWSER_ACCEPT, "Sec-Fetch-Mode", "navigate",
                "Sec-Fetch-Dest", "document", "Sec-Fetch-Site", "cross-site");
        assertEquals(401, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers()::toString);
        assertTrue(page.body().contains("<h1>Not signed in</h1>"), page.body());
        assertTrue(page.body().contains("href=\"" + client.base().getPath() + "\""), page.body());
        assertFalse(page.body().contains("bearer"), page.body());
        assertEquals(1, page.headers().allValues("Content-Security-Policy").size(), page.headers()::toString);
        assertTrue(page.headers().firstValue("WWW-Authenticate").isPresent(), page.headers()::toString);

        HttpResponse<String> fetched = crossSite.post("account/password", "{}", "Content-Type", "application/json",
                "Sec-Fetch-Mode", "cors");
        assertEquals(401, fetched.statusCode());
        assertEquals(PROBLEM_JSON, fetched.headers().firstValue("Content-Type").orElse(""));
        assertEquals(PROBLEM_JSON, client.post("account/password", null, null, null).headers().firstValue("Content-Type")
                .orElse(""));
    }

    private static void assertOpen(JsonObject operations, String path, long until) {
        JsonObject operation = operations.getJsonObject(path);
        assertTrue(operation.getBoolean("open"), operations::toString);
        assertEquals(until, operation.getJsonNumber("until").longValue(), path);
    }

    private static void assertClosed(JsonObject operations, String path, String reason) {
        JsonObject operation = operations.getJsonObject(path);
        assertFalse(operation.getBoolean("open"), operations::toString);
        assertTrue(operation.isNull("until"), operations::toString);
        assertTrue(operation.getString("reason").contains(reason), operations::toString);
    }

    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new HashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }
}
