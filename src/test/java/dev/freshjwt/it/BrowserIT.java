package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.WalkthroughIT.payload;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

/**
 * The demo page in a real browser, headless Chromium driven by Selenium: log in, the sensitive operation while
 * fresh, refresh, the password dialog on the step-up challenge and the retried operation, the transfer whose
 * challenge names {@code acr_values="mfa"} so the dialog asks for the authenticator code too (computed by the test,
 * {@link AuthenticatorApp}) and the retried transfer, logout; page scripts
 * never see a token, and the browser reports no Content-Security-Policy violation. A garbage access cookie then
 * neither keeps the page from loading nor the user from logging in again. Screenshots of each step go to
 * {@code target/browser/<server>/}. Runs only with {@code -Pbrowser} (it needs Debian's chromium and
 * chromium-driver).
 */
class BrowserIT extends DemoIT {

    private static final String PASSWORD = "test";
    private static final String FAILED_401 = " - Failed to load resource: the server responded with a status of 401";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void newcomerLogsInStepsUpWithThePasswordThenWithTheCodeAndLogsOutWithoutAnyTokenInReachOfScripts() throws IOException {
        Set<String> csrfCookies = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        List<String> accessCookie = new ArrayList<>();
        URI page = pageUrl();

        try (BrowserPage browser = BrowserPage.open(page, Path.of("target", "browser", System.getProperty("arquillian.launch", "server")))) {
            browser.step("anonymous", () -> {
                assertEquals("anonymous", browser.awaitIdle());
                assertTrue(browser.visible("login-form"));
                assertFalse(browser.visible("session-section"));
                assertEquals("test", browser.value("username"));
                assertEquals("", browser.documentCookie());
            });
            browser.step("wrong-password", () -> {
                browser.type("password", "not the password");
                browser.click("login-button");
                browser.awaitText("login-error", "Wrong username or password");
                assertEquals("anonymous", browser.awaitIdle());
            });
            browser.step("logged-in-fresh", () -> {
                JsonObject names = DemoClient.json(client.get("session", null)).getJsonObject("csrf");
                csrfCookies.add(names.getString("access_cookie"));
                csrfCookies.add(names.getString("refresh_cookie"));
                browser.type("password", PASSWORD);
                browser.click("login-button");
                browser.awaitState("fresh");
                assertEquals("FRESH", browser.text("state-badge"));
                assertTrue(browser.text("expires-in").startsWith("in "), browser.text("expires-in"));
                String typed = browser.text("auth-age");
                assertTrue(typed.endsWith(" ago"), typed);
                assertEquals("password (acr password)", browser.text("auth-method"));
                seen.addAll(assertNoTokenInReachOfScripts(browser, csrfCookies));
                browser.cookieJar().stream()
                        .filter(cookie -> ((String) cookie.get("value")).startsWith("eyJ") && "/".equals(cookie.get("path")))
                        .forEach(cookie -> accessCookie.add((String) cookie.get("name")));
                assertEquals(1, accessCookie.size(), accessCookie::toString);
            });
            browser.step("clock-ticks", () -> {
                String first = browser.text("auth-age");
                browser.awaitChange("auth-age", first);
            });
            browser.step("what-the-server-will-decide", () -> {
                assertTrue(browser.text("state-sensitive_operation").startsWith("open until "), browser.text("state-sensitive_operation"));
                assertTrue(browser.text("state-account/password").startsWith("open until "), browser.text("state-account/password"));
                assertEquals("asks for the password: needs a login with the password and a code", browser.text("state-transfer"));
                assertTrue(browser.text("state-explanation").contains("the password change until "), browser.text("state-explanation"));
            });
            browser.step("protected", () -> {
                browser.viewport(1280, 900);
                assertCall(browser.call("call-protected", "protected"), 200, "protected resource");
                assertTrue(browser.inViewport("last-result"), "the outcome is shown where the buttons are");
                assertTrue(browser.text("last-result").startsWith("GET protected → 200 OK"), browser.text("last-result"));
                browser.resetViewport();
            });
            browser.step("sensitive-while-fresh", () -> {
                assertCall(browser.call("call-sensitive", "sensitive_operation"), 200, "sensitive operation");
                assertTrue(browser.text("last-result").contains("sensitive operation"), browser.text("last-result"));
            });
            browser.step("refreshed-not-fresh", () -> {
                assertEquals(200, browser.call("refresh", "session/refresh").status());
                browser.awaitState("not-fresh");
                assertEquals("NOT FRESH", browser.text("state-badge"));
                assertEquals("asks for the password: needs a fresh login: this token was refreshed",
                        browser.text("state-account/password"));
                assertCall(browser.call("call-protected", "protected"), 200, "protected resource");
            });
            browser.step("step-up-dialog", () -> {
                int before = browser.callCount();
                browser.click("call-sensitive");
                browser.awaitDialog(true);
                assertEquals(401, browser.awaitCall(before, "sensitive_operation").status());
                assertEquals("test", browser.value("step-up-username"));
                assertEquals("step-up-password", browser.focused());
                assertFalse(browser.visible("step-up-otp"), "freshness alone needs no code");
                browser.type("step-up-password", PASSWORD);
            });
            browser.step("retried-and-fresh-again", () -> {
                int before = browser.callCount();
                browser.click("step-up-submit");
                assertEquals(200, browser.awaitCall(before, "session").status());
                BrowserPage.Call retried = browser.awaitCall(before, "sensitive_operation");
                assertCall(retried, 200, "sensitive operation");
                assertTrue(retried.text().contains("retried"), retried.text());
                browser.awaitDialog(false);
                browser.awaitState("fresh");
                assertEquals("FRESH", browser.text("state-badge"));
                seen.addAll(assertNoTokenInReachOfScripts(browser, csrfCookies));
            });
            browser.step("narrow-window-no-sideways-scrolling", () -> {
                assertTrue(browser.text("result").contains("insufficient_user_authentication"), browser.text("result"));
                browser.viewport(400, 900);
                assertFalse(browser.scrollsSideways(), "at 400 px the page scrolls sideways");
                browser.resetViewport();
            });
            browser.step("transfer-asks-password-and-code", () -> {
                int before = browser.callCount();
                browser.click("transfer");
                browser.awaitDialog(true);
                assertEquals(401, browser.awaitCall(before, "transfer").status());
                assertTrue(browser.visible("step-up-otp"), "the challenge names acr_values: the dialog asks for the code");
                assertTrue(browser.text("step-up-reason").contains("password and a code"), browser.text("step-up-reason"));
                assertEquals("step-up-password", browser.focused());
                browser.type("step-up-password", PASSWORD);
            });
            browser.step("code-typed", () -> {
                // The current step's code: still accepted if a step boundary passes before the server checks it.
                browser.type("step-up-otp", AuthenticatorApp.code(AuthenticatorApp.currentStep()));
                assertEquals(6, browser.value("step-up-otp").length());
            });
            browser.step("transfer-retried-with-code", () -> {
                int before = browser.callCount();
                browser.click("step-up-submit");
                assertEquals(200, browser.awaitCall(before, "session").status());
                BrowserPage.Call retried = browser.awaitCall(before, "transfer");
                assertCall(retried, 200, "Transfer done");
                assertTrue(retried.text().contains("retried after the password and code"), retried.text());
                browser.awaitDialog(false);
                browser.awaitState("fresh");
                assertEquals("password + code (acr mfa)", browser.text("auth-method"));
                assertCall(browser.call("transfer", "transfer"), 200, "Transfer done");
                seen.addAll(assertNoTokenInReachOfScripts(browser, csrfCookies));
            });
            browser.step("logged-out", () -> {
                assertEquals(204, browser.call("logout", "session").status());
                browser.awaitState("anonymous");
                assertTrue(browser.visible("login-form"));
                assertFalse(browser.visible("session-section"));
                String scripts = browser.documentCookie();
                csrfCookies.forEach(name -> assertFalse(scripts.contains(name), scripts));
                Set<String> left = names(browser.cookieJar());
                left.retainAll(seen);
                assertEquals(Set.of(), left, "cookies left after logout");
            });
            browser.step("bad-access-cookie-still-loads-the-page", () -> {
                browser.plantCookie(accessCookie.get(0), "not-a-token", "/", true);
                assertTrue(browser.cookieJar().stream().anyMatch(cookie -> accessCookie.get(0).equals(cookie.get("name"))
                        && "not-a-token".equals(cookie.get("value"))), () -> browser.cookieJar().toString());
                assertEquals("anonymous", browser.reload());
                assertTrue(browser.visible("login-form"));
            });
            browser.step("login-over-the-bad-cookie", () -> {
                browser.type("password", PASSWORD);
                browser.click("login-button");
                browser.awaitState("fresh");
                assertCall(browser.call("call-protected", "protected"), 200, "protected resource");
            });

            List<LogEntry> console = browser.console();
            assertEquals(List.of(), violations(console), "Content-Security-Policy violations");
            // The refusals the scenario asks for, which Chromium reports as failed loads; nothing else.
            Set<String> expected = Set.of(page.resolve("session") + FAILED_401, page.resolve("sensitive_operation") + FAILED_401,
                    page.resolve("transfer") + FAILED_401);
            assertEquals(List.of(), console.stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage).filter(message -> expected.stream().noneMatch(message::startsWith)).toList(),
                    "errors in the browser console");

            // The check above would have seen a violation: one made on purpose is reported.
            browser.step("csp-violation-is-reported", () -> {
                browser.script("const image = new Image(); image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
                        + " document.body.append(image);");
                browser.awaitConsole("the violation made on purpose", entry -> !violations(List.of(entry)).isEmpty());
            });
        }
    }


    /**
     * The password change on user {@code alice}, as a newcomer walks it: the dialog asks for the current and the new
     * password, shows the server's 400 for a weak one, then changes it; the page stays signed in, the other session of
     * the user is over and the old password no longer logs in. "Log out everywhere" goes back to the login form and ends
     * the other sessions; a logout everywhere from elsewhere leaves the page a refresh cookie that is refused once, and
     * then the login form without a dead-end button.
     */
    @Test
    void alicesPasswordChangeEndsHerOtherSessionsAndLoggingOutEverywhereLeadsBackToTheLoginForm() throws IOException {
        CookieClient other = new CookieClient(client.base());
        other.login(PasswordChangeIT.USER, PasswordChangeIT.PASSWORD);
        try (BrowserPage browser = BrowserPage.open(pageUrl(), Path.of("target", "browser",
                System.getProperty("arquillian.launch", "server") + "-password"))) {
            browser.step("alice-logged-in", () -> {
                logIn(browser, PasswordChangeIT.PASSWORD);
                awaitServerSecondAfter(loginTime(browser));
            });
            browser.step("password-dialog", () -> {
                browser.click("change-password");
                browser.awaitDialog("password-dialog", true);
                assertEquals("current-password", browser.focused());
                browser.type("current-password", PasswordChangeIT.PASSWORD);
                browser.type("new-password", "short");
                int before = browser.callCount();
                browser.click("password-submit");
                assertEquals(400, browser.awaitCall(before, "account/password").status());
                browser.awaitText("password-error", "at least 8 characters");
                browser.awaitDialog("password-dialog", true);
            });
            browser.step("password-changed", () -> {
                browser.type("new-password", PasswordChangeIT.NEW_PASSWORD);
                int before = browser.callCount();
                browser.click("password-submit");
                assertCall(browser.awaitCall(before, "account/password"), 200, "every other session of alice is logged out");
                browser.awaitDialog("password-dialog", false);
                browser.awaitState("fresh");
                assertTrue(browser.text("last-result").contains("Password of alice changed"), browser.text("last-result"));
                assertTrue(browser.inViewport("last-result"));
                assertCall(browser.call("call-protected", "protected"), 200, "protected resource");
                assertInvalidToken(other.get("protected"));
                assertEquals(401, new CookieClient(client.base()).tryLogin(PasswordChangeIT.USER, PasswordChangeIT.PASSWORD)
                        .statusCode(), "the old password no longer logs in");
            });
            CookieClient second = new CookieClient(client.base());
            browser.step("logged-out-everywhere", () -> {
                second.login(PasswordChangeIT.USER, PasswordChangeIT.NEW_PASSWORD);
                awaitServerSecondAfter(payload(second.cookie(CookieIT.ACCESS)).getJsonNumber("iat").longValue());
                assertEquals(204, browser.call("logout-all", "logout/all").status());
                browser.awaitState("anonymous");
                assertTrue(browser.visible("login-form"));
                assertFalse(browser.visible("expired-notice"), "the server deleted the cookies: nothing to refresh");
                assertInvalidToken(second.get("protected"));
            });
            browser.step("logged-out-everywhere-elsewhere", () -> {
                logIn(browser, PasswordChangeIT.NEW_PASSWORD);
                awaitServerSecondAfter(loginTime(browser));
                String elsewhere = DemoClient.json(client.post("login", null, "application/json", credentials(
                        PasswordChangeIT.NEW_PASSWORD))).getString("access_token");
                assertEquals(204, client.post("logout/all", bearer(elsewhere), null, null).statusCode());
                assertEquals("anonymous", browser.reload());
                assertTrue(browser.visible("expired-notice"), "the refresh cookie is still there: the page offers it");
            });
            browser.step("refused-refresh-leads-to-the-login-form", () -> {
                assertEquals(401, browser.call("refresh-expired", "session/refresh").status());
                browser.awaitText("login-notice", "log in with the password");
                assertFalse(browser.visible("expired-notice"), "no button that can only fail again");
                assertTrue(browser.visible("login-form"));
                assertEquals("password", browser.focused());
                assertEquals("anonymous", browser.reload());
                assertFalse(browser.visible("expired-notice"), "not offered again after a reload either");
            });
            browser.step("password-put-back", () -> {
                CookieClient alice = new CookieClient(client.base());
                alice.login(PasswordChangeIT.USER, PasswordChangeIT.NEW_PASSWORD);
                HttpResponse<String> back = alice.post("account/password", Json.createObjectBuilder()
                        .add("current_password", PasswordChangeIT.NEW_PASSWORD)
                        .add("new_password", PasswordChangeIT.PASSWORD).build().toString(),
                        "Content-Type", "application/json", CookieIT.CSRF_HEADER, alice.cookie(CookieIT.CSRF_ACCESS));
                assertEquals(200, back.statusCode(), back.body());
            });
            assertEquals(List.of(), violations(browser.console()), "Content-Security-Policy violations");
        }
    }

    private static void logIn(BrowserPage browser, String password) {
        browser.type("username", PasswordChangeIT.USER);
        browser.type("password", password);
        browser.click("login-button");
        browser.awaitState("fresh");
        assertEquals("alice", browser.text("session-user"));
    }

    /** When the page's session logged in, from its access cookie. */
    private static long loginTime(BrowserPage browser) {
        return browser.cookieJar().stream().map(cookie -> (String) cookie.get("value"))
                .filter(value -> value.startsWith("eyJ")).map(WalkthroughIT::payload)
                .filter(claims -> "access".equals(claims.getString("type"))).findFirst().orElseThrow()
                .getJsonNumber("iat").longValue();
    }

    private static String credentials(String password) {
        return Json.createObjectBuilder().add("username", PasswordChangeIT.USER).add("password", password).build().toString();
    }

    /**
     * What page scripts see ({@code document.cookie}) holds exactly the CSRF cookies, no JWT; the browser holds the
     * two tokens in Secure HttpOnly cookies, the refresh token's scoped to the refresh endpoint. Returns the names
     * of these four cookies.
     */
    private static Set<String> assertNoTokenInReachOfScripts(BrowserPage browser, Set<String> csrfCookies) {
        String scripts = browser.documentCookie();
        assertFalse(scripts.contains("eyJ"), scripts);
        Set<String> readable = Arrays.stream(scripts.split("; ")).map(pair -> pair.substring(0, pair.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(csrfCookies, readable);

        List<Map<String, Object>> jar = browser.cookieJar();
        List<Map<String, Object>> tokens = jar.stream().filter(cookie -> ((String) cookie.get("value")).startsWith("eyJ")).toList();
        assertEquals(2, tokens.size(), jar::toString);
        assertTrue(tokens.stream().anyMatch(token -> ((String) token.get("path")).endsWith("/session/refresh")), tokens::toString);
        for (Map<String, Object> token : tokens) {
            assertEquals(Boolean.TRUE, token.get("httpOnly"), token::toString);
            assertFalse(scripts.contains((String) token.get("name")), scripts);
        }
        Set<String> ours = new TreeSet<>(csrfCookies);
        ours.addAll(names(tokens));
        jar.stream().filter(cookie -> ours.contains(cookie.get("name")))
                .forEach(cookie -> assertEquals(Boolean.TRUE, cookie.get("secure"), cookie::toString));
        return ours;
    }

    private static void assertCall(BrowserPage.Call call, int status, String text) {
        assertEquals(status, call.status(), call::toString);
        assertTrue(call.text().contains(text), call::toString);
    }

    private static List<String> violations(List<LogEntry> console) {
        return console.stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy")
                        || message.contains("Trusted Type"))
                .toList();
    }

    private static Set<String> names(List<Map<String, Object>> cookies) {
        return cookies.stream().map(cookie -> (String) cookie.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }


    /**
     * The page at the address the other tests use (127.0.0.1: servers listen on loopback only). Chromium treats
     * http://127.0.0.1 as a secure context, so it keeps Secure and {@code __Host-} cookies there.
     */
    private URI pageUrl() {
        return client.base();
    }
}
