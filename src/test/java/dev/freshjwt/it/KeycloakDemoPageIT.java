package dev.freshjwt.it;

import static dev.freshjwt.it.KeycloakBrowser.CODE_FORM;
import static dev.freshjwt.it.KeycloakBrowser.PASSWORD_FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.BrowserPage.Call;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;

/**
 * The demo page signing in with a real Keycloak, through the demo's backend-for-frontend ({@code /oidc/...}, on with
 * {@code demo.oidc.*}): the page shows "Sign in with Keycloak"; after Keycloak's password form the page's session is
 * fresh and the sensitive operation passes; after the provider's refresh grant, past the fresh window, it is refused
 * and the page offers a new sign-in at Keycloak with the challenge's parameters, which shows Keycloak's password form;
 * after it the operation passes again, and the transfer's {@code acr_values="mfa"} leads to Keycloak's code form. The
 * provider's tokens never reach the page's script. Bad sign-in requests get 400s, never a 500.
 */
class KeycloakDemoPageIT extends DemoIT {

    private static final KeycloakRealm REALM = KeycloakRealm.fromBuild();

    /** As in {@link KeycloakIT}: short, so that a refresh leaves it within seconds; long enough for the code exchange. */
    private static final long WINDOW_SECONDS = 5;

    /** A JWT: three base64url parts, the first a JSON object ({@code eyJ} is {@code {"}). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");


    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.forProvider(REALM.issuer(), REALM.jwksUrl(), "freshjwt.provider.fresh-window=PT" + WINDOW_SECONDS + "S",
                "demo.oidc.issuer=" + REALM.issuer(), "demo.oidc.client-id=" + REALM.clientId(),
                "demo.oidc.client-secret=" + REALM.clientSecret(),
                "demo.oidc.login-hint=Keycloak user " + REALM.username() + ", password " + REALM.password());
    }

    @BeforeEach
    void pointKeycloakHere() {
        REALM.configureClient(client.base().resolve("backchannel-logout").toString(),
                client.base().resolve("oidc/callback").toString());
    }

    @Test
    void thePageSignsInWithKeycloakAndFollowsItsStepUpChallenges() throws IOException {
        try (BrowserPage page = BrowserPage.open(client.base(), artifacts())) {
            page.step("anonymous", () -> {
                page.awaitState("anonymous");
                assertTrue(page.visible("oidc-sign-in"), "Sign in with Keycloak");
                assertEquals("Sign in with Keycloak", page.text("oidc-sign-in"));
                assertFalse(page.visible("login-form"), "no password form of the demo's own");
                assertTrue(page.text("oidc-login-hint").contains("password " + REALM.password()), page.text("oidc-login-hint"));
            });

            page.step("signed-in", () -> {
                assertEquals(List.of(PASSWORD_FORM), signIn(page, "oidc-sign-in"));
                page.awaitState("fresh");
                assertEquals("Signed in as " + REALM.username(), page.text("session-heading"));
                assertEquals("FRESH", page.text("state-badge"));
                assertTrue(page.text("issued-at").contains("s after the login"), page.text("issued-at"));
                assertEquals(200, page.call("call-sensitive", "oidc/api/sensitive_operation").status());
                assertNoTokenVisibleToTheScript(page);
            });

            page.step("refreshed-past-the-window", () -> {
                Instant deadline = Instant.now().plusSeconds(WINDOW_SECONDS + 30);
                do {
                    assertTrue(Instant.now().isBefore(deadline), "the refreshed tokens never left the fresh window");
                    assertEquals(200, page.call("refresh", "oidc/refresh").status());
                } while (!"not-fresh".equals(page.awaitIdle()));
                assertEquals("NOT FRESH", page.text("state-badge"));
                int before = page.callCount();
                page.click("call-sensitive");
                Call refused = page.awaitCall(before, "oidc/api/sensitive_operation");
                assertEquals(401, refused.status());
                assertTrue(refused.text().startsWith("insufficient_user_authentication"), refused.text());
                page.awaitDialog("oidc-step-up-dialog", true);
                assertEquals("Sign in again at Keycloak", page.text("oidc-step-up"));
                assertTrue(page.element("oidc-step-up").getDomAttribute("href").endsWith("oidc/login?max_age=0"),
                        page.element("oidc-step-up").getDomAttribute("href"));
                page.click("oidc-step-up-cancel");
                page.awaitDialog("oidc-step-up-dialog", false);
                assertEquals(200, page.call("call-protected", "oidc/api/protected").status(), "still a valid access token");
                before = page.callCount();
                page.click("call-sensitive");
                assertEquals(401, page.awaitCall(before, "oidc/api/sensitive_operation").status());
                page.awaitDialog("oidc-step-up-dialog", true);
            });

            page.step("stepped-up", () -> {
                assertEquals(List.of(PASSWORD_FORM), signIn(page, "oidc-step-up"),
                        "max_age=0: Keycloak's password form again");
                page.awaitState("fresh");
                assertEquals(200, page.call("call-sensitive", "oidc/api/sensitive_operation").status());
            });

            page.step("transfer-with-the-code", () -> {
                int before = page.callCount();
                page.click("transfer");
                assertEquals(401, page.awaitCall(before, "oidc/api/transfer").status());
                page.awaitDialog("oidc-step-up-dialog", true);
                assertTrue(page.element("oidc-step-up").getDomAttribute("href").contains("acr_values=mfa"),
                        page.element("oidc-step-up").getDomAttribute("href"));
                assertEquals(List.of(CODE_FORM), signIn(page, "oidc-step-up"),
                        "the password is seconds old: Keycloak asks for the code alone");
                page.awaitState("fresh");
                Call transfer = page.call("transfer", "oidc/api/transfer");
                assertEquals(200, transfer.status());
                assertEquals("Transfer done", transfer.text());
                assertNoTokenVisibleToTheScript(page);
            });

            page.step("signed-out", () -> {
                assertEquals(204, page.call("logout", "oidc/logout").status());
                page.awaitState("anonymous");
                assertTrue(page.visible("oidc-sign-in"));
            });
        }
    }

    @Test
    void badSignInRequestsGet400AndTheApiWantsASessionAndItsCsrfValue() {
        HttpResponse<String> login = KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/login?max_age=0&acr_values=mfa")));
        assertEquals(302, login.statusCode(), login.body());
        String location = login.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(REALM.authorizationEndpoint() + "?"), location);
        for (String parameter : List.of("client_id=" + REALM.clientId(), "code_challenge_method=S256", "max_age=0",
                "acr_values=mfa", "state=", "nonce=", "code_challenge=")) {
            assertTrue(location.contains(parameter), parameter + " in " + location);
        }
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("__Host-demo_session=") && cookie.contains("HttpOnly") && cookie.contains("Secure")
                && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        for (String bad : List.of("max_age=-1", "max_age=soon", "max_age=1e3", "max_age=9999999999",
                "acr_values=%3Cscript%3E", "acr_values=", "acr_values=a%20b%20c%20d%20e%20f")) {
            assertProblem(400, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/login?" + bad))), bad);
        }
        assertProblem(400, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/callback?code=x&state=forged"))
                .header("Cookie", session)), "a state this browser never sent");
        assertProblem(400, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/callback?code=x&state=forged"))),
                "no session");
        String state = location.replaceAll(".*[?&]state=([^&]*).*", "$1");
        assertProblem(400, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/callback?code=x&state=" + state))),
                "the right state from another browser (no session cookie)");

        assertProblem(401, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/api/sensitive_operation"))), "no session");
        assertProblem(403, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/api/transfer")).header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody())), "no CSRF header");
        assertProblem(403, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/refresh")).header("Cookie", session)
                .header("X-CSRF-TOKEN", "guessed").POST(HttpRequest.BodyPublishers.noBody())), "a wrong CSRF value");
        assertProblem(401, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/api/protected")).header("Cookie", session)),
                "a session, not signed in yet");
        assertProblem(404, KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/api/account/password")).header("Cookie", session)),
                "only the page's operations go through");
        HttpResponse<String> anonymous = KeycloakRealm.send(HttpRequest.newBuilder(client.base().resolve("oidc/session")).header("Cookie", session));
        assertEquals(200, anonymous.statusCode());
        assertFalse(DemoClient.json(anonymous).getBoolean("authenticated"));
    }

    private static void assertProblem(int status, HttpResponse<String> response, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals(PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""), what);
        assertEquals(status, DemoClient.json(response).getInt("status"), what);
    }

    /** What the page's script can read of the cookies holds no token, nor does any cookie of the page's path. */
    private static void assertNoTokenVisibleToTheScript(BrowserPage page) {
        String visible = page.documentCookie();
        assertFalse(JWT.matcher(visible).find(), "document.cookie: " + visible);
        for (Map<String, Object> cookie : page.cookieJar()) {
            if ("/".equals(cookie.get("path"))) {
                assertFalse(JWT.matcher(String.valueOf(cookie.get("value"))).find(), "cookie " + cookie.get("name"));
            }
        }
        assertTrue(page.cookieJar().stream().anyMatch(cookie -> "__Host-demo_session".equals(cookie.get("name"))
                && Boolean.TRUE.equals(cookie.get("httpOnly"))), "the backend's session cookie, HttpOnly");
    }

    /**
     * Clicks the page's link to the backend's sign-in, answers Keycloak's forms, and returns them once the browser is
     * back at a newly loaded page (the old one is marked, so that it never counts as back).
     */
    private List<String> signIn(BrowserPage page, String linkId) {
        page.awaitIdle();
        page.script("document.body.dataset.leaving = 'yes'");
        page.element(linkId).click();
        String base = client.base().toString();
        return KeycloakBrowser.signIn(page.driver(), REALM, driver -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return location.href.startsWith(arguments[0])"
                        + " && !location.href.includes('/oidc/') && document.readyState === 'complete' && !!document.body"
                        + " && document.body.dataset.mode === 'oidc' && !document.body.dataset.leaving", base));
            } catch (WebDriverException e) { // between two pages
                return false;
            }
        });
    }

    private static Path artifacts() {
        return Path.of("target", "keycloak-demo-page", System.getProperty("arquillian.launch", "server"));
    }
}
