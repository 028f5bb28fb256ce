package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Logout, logout everywhere, and many clients revoking at once. */
class RevocationIT extends DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    @Test
    void loggedOutTokenIsRefusedAndOtherTokensOfTheUserStillWork() {
        String first = bearer(client.login().getString("access_token"));
        String second = bearer(client.login().getString("access_token"));
        HttpResponse<String> logout = client.post("logout", first, null, null);
        assertEquals(204, logout.statusCode(), logout.body());

        HttpResponse<String> refused = client.get("protected", first);
        assertInvalidToken(refused);
        assertEquals("The token has been revoked", DemoClient.json(refused).getString("detail"));
        assertInvalidToken(client.post("logout", first, null, null));
        assertEquals(200, client.get("protected", second).statusCode());
    }

    @Test
    void logoutEverywhereRevokesEveryEarlierTokenOfThatUserOnly() {
        Instant earlier = Instant.now().minusSeconds(30);
        String access = bearer(Deployments.freshAccess(earlier).claim("sub", "erin").claim("iat", earlier.getEpochSecond()).sign());
        String refresh = bearer(Deployments.refresh().claim("sub", "erin").claim("iat", earlier.getEpochSecond()).sign());
        String otherUser = bearer(Deployments.freshAccess(earlier).claim("iat", earlier.getEpochSecond()).sign());
        assertEquals(200, client.post("refresh", refresh, null, null).statusCode());

        assertEquals(204, client.post("logout/all", access, null, null).statusCode());

        assertInvalidToken(client.get("protected", access));
        assertInvalidToken(client.post("refresh", refresh, null, null));
        assertEquals(200, client.get("protected", otherUser).statusCode());
    }

    @Test
    void refreshTokenOfALoggedOutSessionStillWorksWithoutRotation() {
        JsonObject login = client.login();
        assertEquals(204, client.post("logout", bearer(login.getString("access_token")), null, null).statusCode());
        HttpResponse<String> refreshed = client.post("refresh", bearer(login.getString("refresh_token")), null, null);
        assertEquals(200, refreshed.statusCode(), "logout revokes one token, not the session");
    }

    @Test
    void concurrentLoginsRefreshesAndLogoutsLoseNoRevocationAndRaiseNoServerError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger stillAccepted = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                work.add(pool.submit(() -> {
                    JsonObject login = client.login();
                    String refreshed = DemoClient.json(client.post("refresh", bearer(login.getString("refresh_token")), null, null))
                            .getString("access_token");
                    for (String token : new String[] {login.getString("access_token"), refreshed}) {
                        statuses.merge(client.post("logout", bearer(token), null, null).statusCode(), 1, Integer::sum);
                        if (client.get("protected", bearer(token)).statusCode() != 401) {
                            stillAccepted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of(204, 128), statuses);
        assertEquals(0, stillAccepted.get());
    }
}
