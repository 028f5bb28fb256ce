package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.FreshJwtAssertions;
import dev.freshjwt.testing.TestKeys;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances that share nothing but a real PostgreSQL database share revocations through the JDBC
 * store: a token revoked on A is refused on B within a second, a refresh token used on A is detected as reused on B,
 * a revocation is a row of the table the store created, and after a restart of the database (through the pool recipe
 * of docs/revocation.md) revocations flow again within 5 s. No data grid, no cluster: each instance runs alone, with
 * the same signing key and a data source on the database. Runs with the postgres profile only, which starts the
 * database.
 */
class PayaraSharedDatabaseIT {

    private static final String DATA_SOURCE = "jdbc/freshjwt";
    /** The store's table, as PostgreSQL folds its unquoted name. */
    private static final String TABLE = "freshjwt_revocation";

    private static PostgresDatabase database;
    private static final List<PayaraMicroProcess> instances = new ArrayList<>();
    private static DemoClient a;
    private static DemoClient b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws IOException {
        database = PostgresDatabase.ofBuild();
        Path dir = Files.createDirectories(Path.of("target", "shared-database-it"));
        Path privateKey = TestKeys.write(dir, "private.pem", TestKeys.privatePem(TestKeys.rsa()));
        Path publicKey = TestKeys.write(dir, "public.pem", TestKeys.publicPem(TestKeys.rsa()));
        Path commands = database.writePayaraDataSource(dir.resolve("post-boot-commands.asadmin"), DATA_SOURCE);
        List<String> jvm = PayaraMicroProcess.quickStart("-Xmx512m", "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(), "-Dfreshjwt.revocation.store=jdbc",
                "-Dfreshjwt.revocation.datasource=" + DATA_SOURCE, "-Dfreshjwt.refresh-token.rotation=true");
        // --nocluster and the data grid off: only the database connects the two.
        List<String> micro = new ArrayList<>(PayaraMicroProcess.singleInstance());
        micro.addAll(List.of("--addlibs", database.driverJar().toString(), "--postbootcommandfile", commands.toString()));
        Path war = Path.of(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        for (String name : List.of("a", "b")) {
            instances.add(new PayaraMicroProcess(dir.resolve(name + ".log"), jvm, micro, war));
        }
        a = new DemoClient(instances.get(0).base());
        b = new DemoClient(instances.get(1).base());
        instances.get(0).awaitReady(() -> serves(a), Duration.ofMinutes(5));
        instances.get(1).awaitReady(() -> serves(b), Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        instances.forEach(PayaraMicroProcess::close);
    }

    @Test
    void tokenRevokedOnAIsRefusedOnBWithinOneSecond() {
        String access = bearer(a.login().getString("access_token"));
        assertEquals(200, b.get("protected", access).statusCode(), "B trusts A's tokens: one key for both");

        assertEquals(204, a.post("logout", access, null, null).statusCode());
        Instant revoked = Instant.now();
        HttpResponse<String> refused = untilRefused(b, access, revoked.plusSeconds(5));
        Duration seen = Duration.between(revoked, Instant.now());
        FreshJwtAssertions.assertInvalidToken(refused);
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) <= 0, "B refused the revoked token only after " + seen);
    }

    @Test
    void refreshTokenUsedOnAIsDetectedAsReusedOnB() {
        JsonObject login = a.login();
        HttpResponse<String> rotated = a.post("refresh", bearer(login.getString("refresh_token")), null, null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        JsonObject next = DemoClient.json(rotated);

        FreshJwtAssertions.assertInvalidToken(b.post("refresh", bearer(login.getString("refresh_token")), null, null));
        // The reuse revoked the whole session, the owner's new tokens on A included.
        String nextAccess = bearer(next.getString("access_token"));
        Instant detected = Instant.now();
        FreshJwtAssertions.assertInvalidToken(untilRefused(a, nextAccess, detected.plusSeconds(5)));
        Duration seen = Duration.between(detected, Instant.now());
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) <= 0, "A refused the session's tokens only after " + seen);
        FreshJwtAssertions.assertInvalidToken(a.post("refresh", bearer(next.getString("refresh_token")), null, null));
    }

    @Test
    void revocationIsARowOfTheTableTheStoreCreated() throws SQLException {
        String access = a.login().getString("access_token");
        JsonObject claims = WalkthroughIT.payload(access);
        assertEquals(204, a.post("logout", bearer(access), null, null).statusCode());

        try (Connection connection = database.connect()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, TABLE, new String[] {"TABLE"})) {
                assertTrue(tables.next(), "no table " + TABLE + " in " + database.jdbcUrl());
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT expires_at FROM " + TABLE + " WHERE entry_key = ?")) {
                select.setString(1, "jti:" + claims.getString("jti"));
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "no row for the revoked token's jti");
                    long exp = claims.getJsonNumber("exp").longValue();
                    assertTrue(row.getLong("expires_at") >= exp, "the revocation must last as long as the token");
                }
            }
        }
    }

    @Test
    void afterADatabaseRestartRevocationsOnAReachBAgainWithinFiveSeconds() {
        String access = bearer(a.login().getString("access_token"));
        database.crash();
        database.resume();
        Instant back = Instant.now();
        while (a.post("logout", access, null, null).statusCode() != 204) {
            if (Instant.now().isAfter(back.plusSeconds(5))) {
                throw new AssertionError("A still cannot record a logout 5 s after the database came back");
            }
        }
        FreshJwtAssertions.assertInvalidToken(untilRefused(b, access, back.plusSeconds(5)));
    }

    /** Asks {@code instance} with {@code authorization} until it answers 401, which it returns, or the deadline. */
    private static HttpResponse<String> untilRefused(DemoClient instance, String authorization, Instant deadline) {
        while (true) {
            HttpResponse<String> response = instance.get("protected", authorization);
            if (response.statusCode() == 401) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still accepted at the deadline: " + response.statusCode());
            }
        }
    }

    private static boolean serves(DemoClient client) {
        try {
            return client.get(".well-known/jwks.json", null).statusCode() == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }
}
