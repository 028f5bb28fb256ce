package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revocations survive a restart of the server: with {@code freshjwt.revocation.store=jdbc} (and the default data
 * source), a logged-out token and the earlier tokens of a user who logged out everywhere are still refused after the
 * server process has been stopped and started again on the same database, and a token that was not revoked still
 * works, also once the server's copy of the revocations would be stale if it were not read again and again.
 *
 * <p>The server is the {@value #SERVER} container of the active group in {@code arquillian.xml}: the same server as the
 * other tests', with its default data source made durable (a file database under {@code target/}), in Arquillian's
 * manual mode. The test starts it, then stops and starts it through Arquillian's {@link ContainerController}: WildFly
 * and Open Liberty are shut down and launched again as processes; Payara Micro's container runs one process per
 * deployment, so stopping ends that process and starting launches a new one. Arquillian gives a deployment's URL to a
 * test method only while the server runs, and a restarted Payara Micro has a new port, so the steps are test methods
 * in order, each given the URL of the moment, sharing the tokens.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationRestartIT {

    static final String SERVER = "restartable";
    /** How long the server's copy of the revocations counts as current without a read (the default poll interval's). */
    private static final Duration STALENESS = Duration.ofSeconds(5);

    private static String loggedOut;
    private static String kept;
    private static String earlierOfErin;
    private static String ofAnotherUser;

    @ArquillianResource
    ContainerController server;

    @Deployment(testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Deployments.demo("freshjwt.revocation.store=jdbc");
    }

    @Test
    @Order(1)
    void serverStartsOnItsRevocationDatabase() {
        server.start(SERVER);
        assertTrue(server.isStarted(SERVER));
    }

    @Test
    @Order(2)
    void tokensAreRevokedBeforeTheRestart(@ArquillianResource URL base) {
        DemoClient client = DemoClient.at(base);
        loggedOut = bearer(client.login().getString("access_token"));
        kept = bearer(client.login().getString("access_token"));
        assertEquals(204, client.post("logout", loggedOut, null, null).statusCode());

        Instant earlier = Instant.now().minusSeconds(30);
        earlierOfErin = bearer(Deployments.freshAccess(earlier).claim("sub", "erin").claim("iat", earlier.getEpochSecond()).sign());
        ofAnotherUser = bearer(Deployments.freshAccess(earlier).claim("iat", earlier.getEpochSecond()).sign());
        assertEquals(204, client.post("logout/all", earlierOfErin, null, null).statusCode());

        assertInvalidToken(client.get("protected", loggedOut));
        assertInvalidToken(client.get("protected", earlierOfErin));
        assertEquals(200, client.get("protected", kept).statusCode());
    }

    @Test
    @Order(3)
    void serverRestarts() throws IOException {
        server.stop(SERVER);
        assertFalse(server.isStarted(SERVER));
        awaitDatabaseReleased();
        server.start(SERVER);
        assertTrue(server.isStarted(SERVER));
    }

    /**
     * Payara Micro's Arquillian container stops its process without waiting for it to end, and the process holds its
     * H2 file locked until then: a new process started meanwhile cannot open the default data source, the deployment
     * fails, and Payara answers its own 503 page (seen once in three runs). A real restart waits for the old process;
     * so does this test, until the file can be locked. WildFly's and Liberty's containers wait for the shutdown.
     */
    private static void awaitDatabaseReleased() throws IOException {
        Path file = Path.of(System.getProperty("revocation.db.dir"), "payara-micro", "revocations.mv.db");
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // lock() blocks until the other process lets go; the timeout interrupts it, which closes the channel
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> channel.lock().release(),
                    () -> "the stopped server still holds " + file + " after 60 s");
        }
    }

    @Test
    @Order(4)
    void revokedTokensAreStillRefusedAfterTheRestart(@ArquillianResource URL base) {
        assertNotNull(loggedOut, "the tokens of the step before the restart");
        DemoClient client = DemoClient.at(base);

        HttpResponse<String> refused = client.get("protected", loggedOut);
        assertInvalidToken(refused);
        assertEquals("The token has been revoked", DemoClient.json(refused).getString("detail"));
        assertInvalidToken(client.get("protected", earlierOfErin));

        assertEquals(200, client.get("protected", kept).statusCode(), "a token nobody revoked");
        assertEquals(200, client.get("protected", ofAnotherUser).statusCode());
    }

    /**
     * The server goes on reading the database in the background: were it to stop, its copy of the revocations would be
     * stale after five seconds, and every token refused.
     */
    @Test
    @Order(5)
    void tokensNobodyRevokedWorkBeyondTheStalenessLimit(@ArquillianResource URL base) {
        DemoClient client = DemoClient.at(base);
        Instant until = Instant.now().plus(STALENESS).plusSeconds(1);
        int requests = 0;
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> response = client.get("protected", kept);
            assertEquals(200, response.statusCode(), () -> "after " + Duration.between(until.minus(STALENESS).minusSeconds(1),
                    Instant.now()) + ": " + response.body());
            requests++;
        }
        assertTrue(requests > 1, "requests across the whole time: " + requests);
    }
}
