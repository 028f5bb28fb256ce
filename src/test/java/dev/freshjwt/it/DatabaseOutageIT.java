package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.FreshJwtAssertions;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database restart locks nobody out: with revocations in a real PostgreSQL (the JDBC store, through a pool with the
 * server's defaults, no connection validation), stopped abruptly while requests run, valid tokens are served for as
 * long as {@code freshjwt.revocation.max-staleness} allows and then refused with a 503 {@code revocation-unavailable}
 * problem (never {@code invalid_token}), a revoked token is never accepted, and once the database is back the instance
 * serves valid tokens and sees new revocations again within 5 s, by itself; readiness is DOWN while tokens are refused,
 * liveness stays UP. Runs with the postgres profile, which
 * starts the database.
 *
 * <p>Each step is a test method, in order, on one deployment: a short outage (past the polls it takes to notice it,
 * within the staleness allowed), then a long one (past it).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    private static final String DATA_SOURCE = "java:app/jdbc/freshjwt-outage";
    private static final Duration MAX_STALENESS = Duration.ofSeconds(10);
    /** The polls it takes to notice an outage (ten polls of 250 ms, at least 5 s), then the staleness allowed. */
    private static final Duration TRUST = Duration.ofSeconds(5).plus(MAX_STALENESS);
    /** Longer than it takes to notice the outage, shorter than the trust. */
    private static final Duration SHORT_OUTAGE = Duration.ofSeconds(7);
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    private static final PostgresDatabase DATABASE = PostgresDatabase.ofBuild();
    private static String valid;
    private static String revoked;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // config_ordinal: above the system property with which the test servers keep revocations in memory
        return DATABASE.defineDataSource(Deployments.demo("config_ordinal=500", "freshjwt.revocation.store=jdbc",
                "freshjwt.revocation.datasource=" + DATA_SOURCE, "freshjwt.revocation.poll-interval=PT0.25S",
                "freshjwt.revocation.max-staleness=" + MAX_STALENESS), DATA_SOURCE);
    }

    @Test
    @Order(1)
    void beforeTheOutageOneTokenIsRevokedAndOneValid() {
        DemoClient client = DemoClient.at(base);
        valid = bearer(Deployments.freshAccess(Instant.now()).sign());
        revoked = bearer(Deployments.freshAccess(Instant.now()).sign());
        assertEquals(204, client.post("logout", revoked, null, null).statusCode());
        assertEquals(200, client.get("protected", valid).statusCode());
        FreshJwtAssertions.assertInvalidToken(client.get("protected", revoked));
    }

    @Test
    @Order(2)
    void aShortOutageIsRiddenOutAndTheInstanceRecoversByItself() throws SQLException {
        DemoClient client = DemoClient.at(base);
        DATABASE.crash();
        Instant crashed = Instant.now();
        int requests = 0;
        while (Duration.between(crashed, Instant.now()).compareTo(SHORT_OUTAGE) < 0) {
            HttpResponse<String> answer = client.get("protected", valid);
            assertEquals(200, answer.statusCode(), "a valid token within the staleness allowed, "
                    + Duration.between(crashed, Instant.now()) + " into the outage: " + answer.body());
            FreshJwtAssertions.assertInvalidToken(client.get("protected", revoked));
            requests += 2;
        }
        assertTrue(requests > 20, "only " + requests + " requests during the outage");
        HttpResponse<String> logout = client.post("logout", bearer(Deployments.freshAccess(Instant.now()).sign()), null, null);
        assertRevocationUnavailable(logout, "a revocation the database cannot record");
        assertEquals(200, client.postLogin().statusCode(), "a login within the staleness allowed: its tokens are served");

        DATABASE.resume();
        assertServedAgain(client, Instant.now());
    }

    @Test
    @Order(3)
    void beyondTheStalenessAllowedTokensGetA503ThenAreServedAgainWithin5sOfTheReturn() throws SQLException {
        DemoClient client = DemoClient.at(base);
        DATABASE.crash();
        Instant crashed = Instant.now();
        HttpResponse<String> refused = until(() -> client.get("protected", valid), answer -> answer.statusCode() != 200,
                crashed.plus(TRUST).plusSeconds(5), "a valid token still served past the staleness allowed");
        Duration servedFor = Duration.between(crashed, Instant.now());
        assertRevocationUnavailable(refused, "a valid token once its revocation status cannot be known");
        assertTrue(servedFor.compareTo(MAX_STALENESS) >= 0, "refused after only " + servedFor
                + ": the copy read after the first outage was not trusted for " + MAX_STALENESS);
        assertFalse(client.get("protected", revoked).statusCode() == 200, "a revoked token, never");
        assertRevocationUnavailable(client.postLogin(), "a login whose tokens would be refused at once");
        HttpResponse<String> readiness = Health.readiness(base);
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertEquals("DOWN", Health.check(readiness, Health.FRESHJWT).getString("status"), readiness.body());
        assertEquals(200, Health.liveness(base).statusCode(), "restarting the server would not bring the database back");

        DATABASE.resume();
        Instant back = Instant.now();
        until(() -> client.get("protected", valid), answer -> answer.statusCode() == 200, back.plus(RECOVERY),
                "a valid token still refused " + RECOVERY + " after the database came back");
        FreshJwtAssertions.assertInvalidToken(client.get("protected", revoked));
        HttpResponse<String> ready = Health.readiness(base);
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", Health.check(ready, Health.FRESHJWT).getString("status"));
        assertServedAgain(client, back);
    }

    /**
     * Within {@link #RECOVERY} of {@code back}: a logout is recorded again, and a revocation written by another instance
     * (a row of the table) is refused.
     */
    private static void assertServedAgain(DemoClient client, Instant back) throws SQLException {
        String loggedOut = bearer(Deployments.freshAccess(Instant.now()).sign());
        until(() -> client.post("logout", loggedOut, null, null), answer -> answer.statusCode() == 204,
                back.plus(RECOVERY), "a logout still not recorded " + RECOVERY + " after the database came back");
        FreshJwtAssertions.assertInvalidToken(client.get("protected", loggedOut));

        String revokedElsewhere = Deployments.freshAccess(Instant.now()).sign();
        revokeAsAnotherInstance(WalkthroughIT.payload(revokedElsewhere));
        until(() -> client.get("protected", bearer(revokedElsewhere)), answer -> answer.statusCode() == 401,
                back.plus(RECOVERY).plusSeconds(1), "another instance's revocation not seen " + RECOVERY
                        + " after the database came back");
    }

    /** What another instance's logout writes: a row of the store's table. */
    private static void revokeAsAnotherInstance(JsonObject claims) throws SQLException {
        try (Connection connection = DATABASE.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO freshjwt_revocation (entry_key, entry_value, expires_at, written_at) VALUES (?, 1, ?, ?)")) {
            insert.setString(1, "jti:" + claims.getString("jti"));
            insert.setLong(2, claims.getJsonNumber("exp").longValue() + 60);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private static void assertRevocationUnavailable(HttpResponse<String> answer, String what) {
        assertEquals(503, answer.statusCode(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("60", answer.headers().firstValue("Retry-After").orElse(""), what);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").isEmpty(), what + ": no challenge, the token is fine");
        JsonObject problem = DemoClient.json(answer);
        assertEquals(FreshJwtAssertions.PROBLEM_BASE + "revocation-unavailable", problem.getString("type"), what);
        assertEquals(503, problem.getInt("status"));
    }

    /** Asks until the answer satisfies {@code done}, which it returns; fails with {@code message} at the deadline. */
    private static HttpResponse<String> until(java.util.function.Supplier<HttpResponse<String>> ask,
            Predicate<HttpResponse<String>> done, Instant deadline, String message) {
        while (true) {
            HttpResponse<String> answer = ask.get();
            if (done.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(message + ": " + answer.statusCode() + " " + answer.body());
            }
        }
    }
}
