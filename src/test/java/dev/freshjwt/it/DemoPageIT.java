package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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
 * itself, in a real browser: {@code BrowserIT}.)
 */
class DemoPageIT extends DemoIT {

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

    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new HashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }
}
