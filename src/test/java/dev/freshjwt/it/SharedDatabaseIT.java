package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances that share nothing but a real PostgreSQL database (the JDBC revocation store; no data
 * grid, no cluster). Runs with the postgres profile only, which starts the database.
 */
class SharedDatabaseIT {

    private static final String DATA_SOURCE = "jdbc/freshjwt";

    private static PostgresDatabase database;
    private static final List<PayaraMicroProcess> instances = new ArrayList<>();
    private static DemoClient a;
    private static DemoClient b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws SQLException, IOException {
        database = PostgresDatabase.ofBuild();
        try (Connection connection = database.connect()) {
            assertTrue(connection.isValid(5), database.jdbcUrl());
        }
        Path dir = Files.createDirectories(Path.of("target", "shared-database-it"));
        Path privateKey = TestKeys.write(dir, "private.pem", TestKeys.privatePem(TestKeys.rsa()));
        Path publicKey = TestKeys.write(dir, "public.pem", TestKeys.publicPem(TestKeys.rsa()));
        Path commands = database.writePayaraDataSource(dir.resolve("post-boot-commands.asadmin"), DATA_SOURCE);
        // Interim, until the JDBC store lands: each instance proves at boot that its data source reaches the database.
        Files.writeString(commands, "ping-connection-pool freshjwt-postgres\n", StandardOpenOption.APPEND);
        List<String> jvm = List.of("-Xmx512m", "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(), "-Dfreshjwt.revocation.store=memory",
                "-Dfreshjwt.revocation.datasource=" + DATA_SOURCE, "-Dfreshjwt.refresh-token.rotation=true");
        List<String> micro = new ArrayList<>(PayaraMicroProcess.singleInstance());
        micro.addAll(List.of("--addlibs", database.driverJar().toString(), "--postbootcommandfile", commands.toString()));
        Path war = Path.of(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        for (String name : List.of("a", "b")) {
            instances.add(new PayaraMicroProcess(dir.resolve(name + ".log"), jvm, micro, war));
        }
        a = new DemoClient(instances.get(0).base());
        b = new DemoClient(instances.get(1).base());
        instances.get(0).awaitReady(() -> serves(a), Duration.ofMinutes(4));
        instances.get(1).awaitReady(() -> serves(b), Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        instances.forEach(PayaraMicroProcess::close);
    }

    @Test
    void bothInstancesServeTheDemoWithADataSourceOnTheDatabase() throws SQLException {
        for (PayaraMicroProcess instance : instances) {
            instance.awaitLog(text -> text.contains("Boot Command create-jdbc-resource returned with result SUCCESS")
                    && text.contains("Boot Command ping-connection-pool returned with result SUCCESS"), Duration.ofSeconds(5));
        }
        assertEquals(200, b.get("protected", "Bearer " + a.login().getString("access_token")).statusCode());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertTrue(rows.next());
            assertEquals(PostgresDatabase.NAME, rows.getString(1));
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
