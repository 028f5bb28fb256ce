package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.it.WalkthroughIT.payload;
import static dev.freshjwt.testing.FreshJwtAssertions.assertCsrfRejected;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertMissingToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.CookieClient.SetCookie;
import dev.freshjwt.testing.Refusal;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens in browser cookies: the cookies' attributes, the cookie's caller in every layer, CSRF, implicit refresh,
 * logout, bad cookies on public URLs, and a header beside a cookie.
 */
class CookieIT extends DemoIT {

    static final String ACCESS = "__Host-access_token";
    static final String REFRESH = "__Secure-refresh_token";
    static final String CSRF_ACCESS = "__Host-csrf_access_token";
    static final String CSRF_REFRESH = "__Host-csrf_refresh_token";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    CookieClient browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo(); // the demo's own settings: header,cookie; implicit refresh within PT5M
    }

    @BeforeEach
    void openBrowser() {
        browser = new CookieClient(client.base());
    }

    @Test
    void loginSetsTheTokenCookiesHttpOnlyAndTheCsrfCookiesReadable() {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> login = browser.login();
        // Open Liberty appends no-cache="set-cookie" to the Cache-Control of every response that sets a cookie.
        assertTrue(login.headers().firstValue("Cache-Control").orElse("").startsWith("no-store"), login.headers()::toString);
        assertFalse(login.body().contains("eyJ"), "no token in the body: " + login.body());
        Map<String, SetCookie> cookies = CookieClient.setCookies(login);
        assertEquals(List.of(ACCESS, CSRF_ACCESS, REFRESH, CSRF_REFRESH), List.copyOf(cookies.keySet()));

        SetCookie access = cookies.get(ACCESS);
        JsonObject accessClaims = payload(access.value());
        assertEquals("/", access.path());
        assertEquals(Map.of("path", "/", "max-age", access.attributes().get("max-age"), "secure", "", "httponly", "",
                "samesite", "Strict"), access.attributes());
        assertTrue(before + access.maxAge() <= accessClaims.getJsonNumber("exp").longValue(), "expires no later than the token");
        assertTrue(access.maxAge() > 800, access.toString());
        assertTrue(accessClaims.getBoolean("fresh"));

        SetCookie refresh = cookies.get(REFRESH);
        assertEquals(client.base().getPath() + "session/refresh", refresh.path());
        assertTrue(refresh.attributes().containsKey("httponly") && refresh.attributes().containsKey("secure"));
        assertEquals("refresh", payload(refresh.value()).getString("type"));

        for (String name : List.of(CSRF_ACCESS, CSRF_REFRESH)) {
            SetCookie csrf = cookies.get(name);
            assertFalse(csrf.attributes().containsKey("httponly"), name + " must be readable by the page");
            assertTrue(csrf.attributes().containsKey("secure"));
            assertEquals("Strict", csrf.attributes().get("samesite"));
            assertEquals("/", csrf.path());
        }
        assertEquals(accessClaims.getString("csrf"), cookies.get(CSRF_ACCESS).value());
        assertEquals(payload(refresh.value()).getString("csrf"), cookies.get(CSRF_REFRESH).value());
        assertNotEquals(cookies.get(CSRF_ACCESS).value(), cookies.get(CSRF_REFRESH).value());
    }

    @Test
    void theCookiesCallerIsTheCallerInEveryLayer() {
        browser.login();
        JsonObject session = DemoClient.json(browser.get("session")); // unprotected
        assertTrue(session.getBoolean("authenticated"), session::toString);
        assertEquals("test", session.getString("user"));            // @Inject JsonWebToken
        assertEquals("test", session.getString("principal"));       // SecurityContext
        assertTrue(session.getBoolean("in_role"));
        assertEquals("test", session.getString("ejb_caller"));      // a @RolesAllowed EJB
        assertTrue(session.getBoolean("fresh"));
        assertTrue(session.getBoolean("from_cookie"));               // TokenCookies.fromCookie

        assertEquals(200, browser.get("protected").statusCode());             // @RolesAllowed, @AccessTokenRequired
        assertEquals(200, browser.get("sensitive_operation").statusCode());   // @FreshRequired
        // @FreshRequired(maxAge) on a @RolesAllowed EJB
        assertPastThePasswordChangesGuard(browser.post("account/password", null, CSRF_HEADER, browser.cookie(CSRF_ACCESS)));
    }

    @Test
    void stateChangingCookieRequestsNeedTheCsrfValueOfTheirOwnToken() {
        browser.login();
        CookieClient other = new CookieClient(client.base());
        other.login();

        assertCsrfRefused(browser.post("account/password", null));
        assertCsrfRefused(browser.post("account/password", null, CSRF_HEADER, "wrong"));
        assertCsrfRefused(browser.post("account/password", null, CSRF_HEADER, other.cookie(CSRF_ACCESS)));
        assertCsrfRefused(browser.post("account/password", null, CSRF_HEADER, browser.cookie(CSRF_REFRESH)));
        assertCsrfRefused(browser.delete("session", CSRF_HEADER, "wrong"));
        assertEquals(200, browser.get("protected").statusCode(), "the refused logout never ran");

        assertPastThePasswordChangesGuard(browser.post("account/password", null, CSRF_HEADER, browser.cookie(CSRF_ACCESS)));
        assertEquals(200, browser.get("sensitive_operation").statusCode(), "GET is never checked");
    }

    @Test
    void aCallerWithoutCookiesOrHeaderIsToldItIsNotSignedIn() {
        CookieClient stranger = new CookieClient(client.base());
        HttpResponse<String> access = stranger.get("protected");
        assertEquals(401, access.statusCode(), access.body());
        assertEquals(List.of("Bearer"), access.headers().allValues("WWW-Authenticate"));
        Refusal missing = assertMissingToken(access);
        // The demo reads both (header,cookie): the refusal names both, not only a bearer token.
        assertEquals("Not signed in: no access token cookie and no bearer token", missing.problem().get("detail"));
        assertEquals("Not signed in: no access token cookie and no bearer token",
                assertMissingToken(stranger.get("sensitive_operation")).problem().get("detail"));

        HttpResponse<String> refresh = stranger.post("session/refresh", null);
        assertEquals(List.of("Bearer"), refresh.headers().allValues("WWW-Authenticate"));
        assertEquals("Not signed in: no refresh token cookie and no bearer token",
                assertMissingToken(refresh).problem().get("detail"));
    }

    @Test
    void aBearerHeaderNeedsNoCsrfValueAndWinsOverACookie() {
        String login = DemoClient.json(client.post("login", null, "application/json",
                "{\"username\":\"test\",\"password\":\"test\"}")).getString("access_token");
        assertPastThePasswordChangesGuard(browser.post("account/password", null, "Authorization", bearer(login)));
        assertFalse(DemoClient.json(client.get("session", bearer(login))).getBoolean("from_cookie"));

        browser.login();
        // A bad header beside a good cookie: the header was chosen, and it is refused.
        assertInvalidToken(browser.get("protected", "Authorization", "Bearer garbage"));
        // A good header beside a bad cookie: the header is used, the cookie ignored; no CSRF needed.
        CookieClient badCookie = new CookieClient(client.base()).with(ACCESS, "garbage");
        assertEquals(200, badCookie.get("protected", "Authorization", bearer(login)).statusCode());
        assertPastThePasswordChangesGuard(badCookie.post("account/password", null, "Authorization", bearer(login)));
    }

    @Test
    void aBadExpiredOrForeignCookieLeavesPublicUrlsOpenAndIsAnInvalidTokenWhereOneIsRequired() {
        Instant now = Instant.now();
        List<String> bad = List.of("garbage",
                Deployments.freshAccess(now).claim("csrf", "c").claim("exp", now.minusSeconds(3600).getEpochSecond()).sign(),
                Deployments.freshAccess(now).claim("csrf", "c").forged().sign(),
                Deployments.refresh().claim("csrf", "c").sign()); // a refresh token in the access cookie
        for (String value : bad) {
            CookieClient stale = new CookieClient(client.base()).with(ACCESS, value);
            HttpResponse<String> session = stale.get("session");
            assertEquals(200, session.statusCode(), session.body());
            assertFalse(DemoClient.json(session).getBoolean("authenticated"));
            assertEquals(200, stale.get(".well-known/jwks.json").statusCode());
            assertEquals(200, stale.login().statusCode(), "the login itself still works");

            CookieClient required = new CookieClient(client.base()).with(ACCESS, value);
            HttpResponse<String> refused = required.get("protected");
            assertInvalidToken(refused);
            assertTrue(DemoClient.json(refused).getString("detail").contains("cookie"), refused.body());
        }
    }

    @Test
    void theRefreshCookieBuysANotFreshAccessCookieEvenWhenTheAccessCookieHasExpired() {
        browser.login();
        long authTime = payload(browser.cookie(ACCESS)).getJsonNumber("auth_time").longValue();
        browser.with(ACCESS, Deployments.freshAccess(Instant.now()).claim("exp", Instant.now().minusSeconds(3600).getEpochSecond())
                .claim("csrf", "c").sign());

        assertCsrfRefused(browser.post("session/refresh", null));
        HttpResponse<String> refreshed = browser.post("session/refresh", null, CSRF_HEADER, browser.cookie(CSRF_REFRESH));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(List.of(ACCESS, CSRF_ACCESS), List.copyOf(CookieClient.setCookies(refreshed).keySet()));
        JsonObject access = payload(browser.cookie(ACCESS));
        assertFalse(access.getBoolean("fresh"));
        assertEquals(authTime, access.getJsonNumber("auth_time").longValue());
        assertEquals(access.getString("csrf"), browser.cookie(CSRF_ACCESS));

        assertEquals(200, browser.get("protected").statusCode());
        assertStepUpRequired(browser.get("sensitive_operation"));
        assertFalse(DemoClient.json(browser.get("session")).getBoolean("fresh"));
    }

    @Test
    void anAccessCookieNearItsExpiryIsRenewedNeverFreshKeepingItsLogin() {
        String nearExpiry = nearExpiry();
        JsonObject old = payload(nearExpiry);
        browser.with(ACCESS, nearExpiry);

        HttpResponse<String> response = browser.get("protected");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, SetCookie> set = CookieClient.setCookies(response);
        assertEquals(List.of(ACCESS, CSRF_ACCESS), List.copyOf(set.keySet()));
        JsonObject renewed = payload(set.get(ACCESS).value());
        assertFalse(renewed.getBoolean("fresh"));
        assertEquals(old.getString("sub"), renewed.getString("sub"));
        assertEquals(old.getString("sid"), renewed.getString("sid"));
        assertEquals(old.getJsonNumber("auth_time"), renewed.getJsonNumber("auth_time"));
        assertEquals(old.getJsonArray("groups"), renewed.getJsonArray("groups"));
        assertTrue(renewed.getJsonNumber("exp").longValue() > old.getJsonNumber("exp").longValue());
        assertEquals(renewed.getString("csrf"), set.get(CSRF_ACCESS).value());
        assertNotEquals(old.getString("csrf"), renewed.getString("csrf"));

        // The renewed cookie works, is far from its expiry, and is not renewed again.
        HttpResponse<String> next = browser.get("protected");
        assertEquals(200, next.statusCode());
        assertTrue(next.headers().allValues("Set-Cookie").isEmpty());
        assertStepUpRequired(browser.get("sensitive_operation"));
    }

    @Test
    void noImplicitRefreshForHeadersErrorsExpiredTokensOrLogouts() {
        String nearExpiry = nearExpiry();
        assertNoSetCookie(client.get("protected", bearer(nearExpiry)));                       // header-borne
        String stale = Deployments.freshAccess(Instant.now()).claim("fresh", false).claim("csrf", "c")
                .claim("sid", "s").claim("exp", Instant.now().plusSeconds(60).getEpochSecond()).sign();
        HttpResponse<String> error = new CookieClient(client.base()).with(ACCESS, stale).get("sensitive_operation");
        assertStepUpRequired(error);                                                                   // error response
        assertNoSetCookie(error);
        String expired = Deployments.freshAccess(Instant.now()).claim("csrf", "c")
                .claim("exp", Instant.now().minusSeconds(20).getEpochSecond()).sign();     // within the clock skew
        assertNoSetCookie(new CookieClient(client.base()).with(ACCESS, expired).get("session"));

        CookieClient leaving = new CookieClient(client.base()).with(ACCESS, nearExpiry).with(CSRF_ACCESS, "c");
        HttpResponse<String> logout = leaving.delete("session", CSRF_HEADER, "c");
        assertEquals(204, logout.statusCode(), logout.body());
        CookieClient.setCookies(logout).values().forEach(cookie -> assertEquals(0, cookie.maxAge(), cookie.toString()));
    }

    @Test
    void logoutRevokesTheLoginAndClearsEveryCookie() {
        HttpResponse<String> login = browser.login();
        Map<String, SetCookie> set = CookieClient.setCookies(login);
        String access = browser.cookie(ACCESS);
        String refresh = browser.cookie(REFRESH);

        HttpResponse<String> logout = browser.delete("session", CSRF_HEADER, browser.cookie(CSRF_ACCESS));
        assertEquals(204, logout.statusCode(), logout.body());
        Map<String, SetCookie> cleared = CookieClient.setCookies(logout);
        assertEquals(set.keySet(), cleared.keySet());
        for (SetCookie cookie : cleared.values()) {
            assertEquals(0, cookie.maxAge(), cookie.toString());
            assertEquals("", cookie.value());
            assertEquals(set.get(cookie.name()).path(), cookie.path());
        }
        assertTrue(browser.names().isEmpty(), browser.names()::toString);

        CookieClient replay = new CookieClient(client.base()).with(ACCESS, access);
        assertInvalidToken(replay.get("protected"));
        assertFalse(DemoClient.json(replay.get("session")).getBoolean("authenticated"));
        assertInvalidToken(client.post("session/refresh", bearer(refresh), null, null));
    }

    /** An access token of user {@code test} that expires in two minutes, well within the demo's window of five. */
    private static String nearExpiry() {
        return Deployments.freshAccess(Instant.now()).claim("csrf", "c").claim("sid", UUID.randomUUID().toString())
                .claim("exp", Instant.now().plusSeconds(120).getEpochSecond()).sign();
    }

    private static void assertCsrfRefused(HttpResponse<String> response) {
        Refusal refused = assertCsrfRejected(response);
        assertTrue(((String) refused.problem().get("detail")).contains(CSRF_HEADER), refused::toString);
    }

    private static void assertNoSetCookie(HttpResponse<String> response) {
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), response.headers().allValues("Set-Cookie")::toString);
    }
}
