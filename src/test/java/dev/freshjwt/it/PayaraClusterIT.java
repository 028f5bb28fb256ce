package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.FreshJwtAssertions;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clustered Payara Micro instances share revocations through the JCache store in Payara's data grid: a
 * token revoked on A is refused on B within a second, a refresh token used on A is detected as reused on B, and a
 * member that joins later refuses what was revoked before it came.
 * Runs in the default (Payara) profile only.
 */
class PayaraClusterIT {

    private static PayaraMicroCluster cluster;
    private static DemoClient a;
    private static DemoClient b;

    @BeforeAll
    static void startCluster() {
        cluster = new PayaraMicroCluster(Path.of("target", "cluster-it"), "freshjwt.refresh-token.rotation=true");
        cluster.awaitReady(Duration.ofMinutes(4));
        a = new DemoClient(cluster.base(0));
        b = new DemoClient(cluster.base(1));
        awaitDataGrid();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tokenRevokedOnAIsRefusedOnBWithinOneSecond() {
        String access = bearer(a.login().getString("access_token"));
        assertEquals(200, b.get("protected", access).statusCode(), "B trusts A's tokens: one key for the cluster");

        assertEquals(204, a.post("logout", access, null, null).statusCode());
        Instant revoked = Instant.now();
        Duration seen = untilRefusedOnB(access, Duration.ofSeconds(5));
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) <= 0, "B refused the revoked token only after " + seen);
        assertEquals(401, b.get("protected", access).statusCode());
        assertTrue(Duration.between(revoked, Instant.now()).toMillis() >= 0);
    }

    @Test
    void refreshTokenUsedOnAIsDetectedAsReusedOnB() {
        JsonObject login = a.login();
        HttpResponse<String> rotated = a.post("refresh", bearer(login.getString("refresh_token")), null, null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String next = DemoClient.json(rotated).getString("refresh_token");

        HttpResponse<String> reuse = b.post("refresh", bearer(login.getString("refresh_token")), null, null);
        FreshJwtAssertions.assertInvalidToken(reuse);
        FreshJwtAssertions.assertInvalidToken(a.post("refresh", bearer(next), null, null));
    }

    @Test
    void aMemberThatJoinsLaterRefusesWhatWasRevokedBefore() {
        String revoked = bearer(a.login().getString("access_token"));
        assertEquals(204, a.post("logout", revoked, null, null).statusCode());
        String live = bearer(a.login().getString("access_token"));

        cluster.restart(1);
        cluster.awaitReady(Duration.ofMinutes(4));
        b = new DemoClient(cluster.base(1));
        FreshJwtAssertions.assertInvalidToken(b.get("protected", revoked)); // its first answer: no waiting for events
        assertEquals(200, b.get("protected", live).statusCode());
    }

    /** Members find each other some seconds after both serve HTTP: wait until a revocation crosses. */
    private static void awaitDataGrid() {
        String probe = bearer(a.login().getString("access_token"));
        assertEquals(204, a.post("logout", probe, null, null).statusCode());
        untilRefusedOnB(probe, Duration.ofMinutes(2));
    }

    private static Duration untilRefusedOnB(String token, Duration timeout) {
        Instant start = Instant.now();
        while (b.get("protected", token).statusCode() != 401) {
            if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError("B still accepts a token revoked on A after " + timeout);
            }
        }
        return Duration.between(start, Instant.now());
    }
}
