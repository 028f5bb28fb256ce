package dev.freshjwt.bench;

import dev.freshjwt.it.PayaraMicroProcess;
import dev.freshjwt.it.PostgresDatabase;
import dev.freshjwt.testing.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16, section 5: how long a Payara Micro with the JDBC store takes to be ready when its PostgreSQL table holds
 * {@value #ROWS} live revocations, against an empty table; how long the store's load itself took (its log line
 * "freshjwt loaded N revocations in X ms"), and the heap each entry costs.
 *
 * <p>A throwaway PostgreSQL ({@code src/test/postgres/postgres.sh}, as the {@code postgres} profile starts it), the
 * table of docs/revocation.md's DDL, filled in SQL ({@code generate_series}, keys {@code jti:<uuid>}, live for
 * an hour). One Payara Micro at a time, the demo WAR, {@code freshjwt.revocation.store=jdbc} on a pool of that
 * database (as {@code PayaraSharedDatabaseIT} has it), 1 GB of heap. Ready: the first 200 of the JWKS endpoint, counted
 * from the start of the process (the store loads while the application deploys, so it is loaded by then). Heap:
 * used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), full table against empty. {@value #ROUNDS}
 * rounds, empty and full in turn.
 */
final class StartupBenchmark {

    static final int ROWS = 1_000_000;
    private static final int ROUNDS = 2;
    private static final Duration START = Duration.ofMinutes(6);
    private static final String DATA_SOURCE = "jdbc/freshjwt";
    private static final String TABLE = "FRESHJWT_REVOCATION";
    private static final Pattern LOADED = Pattern.compile("freshjwt loaded (\\d+) revocations in (\\d+) ms");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private StartupBenchmark() {
    }

    static String report(Path workDir) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("startup")).toAbsolutePath();
        Path state = dir.resolve("postgres");
        int port = PayaraMicroProcess.freePort();
        run("bash", "src/test/postgres/postgres.sh", "start", state.toString(), String.valueOf(port));
        try {
            PostgresDatabase database = PostgresDatabase.of(port, state.resolve("password"), Path.of("target", "postgresql.jar"));
            createTable(database);
            List<Start> empty = new ArrayList<>();
            List<Start> full = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                fill(database, 0);
                empty.add(start(database, dir, "empty-" + round));
                fill(database, ROWS);
                full.add(start(database, dir, "full-" + round));
            }
            return table(empty, full);
        } finally {
            run("bash", "src/test/postgres/postgres.sh", "stop", state.toString());
        }
    }

    /** The table as the DDL of docs/revocation.md has it. */
    private static void createTable(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE " + TABLE + " (ENTRY_KEY VARCHAR(255) NOT NULL PRIMARY KEY,"
                    + " ENTRY_VALUE BIGINT NOT NULL, EXPIRES_AT BIGINT NOT NULL, WRITTEN_AT BIGINT NOT NULL)");
            statement.executeUpdate("CREATE INDEX " + TABLE + "_WRITTEN ON " + TABLE + " (WRITTEN_AT)");
        }
    }

    /** Empties the table, then writes {@code rows} live token revocations, in one statement. */
    private static void fill(PostgresDatabase database, int rows) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("TRUNCATE " + TABLE);
            if (rows > 0) {
                long now = System.currentTimeMillis();
                statement.executeUpdate("INSERT INTO " + TABLE + " SELECT 'jti:' || gen_random_uuid(), 1, "
                        + (now / 1000 + 3600) + ", " + now + " FROM generate_series(1, " + rows + ")");
            }
            statement.execute("VACUUM ANALYZE " + TABLE);
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                count.next();
                System.err.printf(Locale.ROOT, "startup: table filled with %d rows in %d ms%n", count.getLong(1),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static Start start(PostgresDatabase database, Path dir, String name) throws Exception {
        Path privateKey = TestKeys.write(dir, "private.pem", TestKeys.privatePem(TestKeys.rsa()));
        Path publicKey = TestKeys.write(dir, "public.pem", TestKeys.publicPem(TestKeys.rsa()));
        Path commands = database.writePayaraDataSource(dir.resolve("post-boot-commands.asadmin"), DATA_SOURCE);
        List<String> jvm = List.of("-Xmx1g", "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(), "-Dfreshjwt.revocation.store=jdbc",
                "-Dfreshjwt.revocation.datasource=" + DATA_SOURCE);
        List<String> micro = new ArrayList<>(PayaraMicroProcess.singleInstance());
        micro.addAll(List.of("--addlibs", database.driverJar().toString(), "--postbootcommandfile", commands.toString()));
        Path war = Path.of(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        try (PayaraMicroProcess server = new PayaraMicroProcess(dir.resolve(name + ".log"), jvm, micro, war)) {
            URI jwks = server.base().resolve(".well-known/jwks.json");
            server.awaitReady(() -> status(client, jwks) == 200, START);
            double ready = (System.nanoTime() - started) / 1e9;
            Matcher loaded = LOADED.matcher(server.log());
            Long loadMillis = loaded.find() ? Long.valueOf(loaded.group(2)) : null; // absent before the log line existed
            jcmd(server.pid(), "GC.run");
            Matcher used = USED.matcher(jcmd(server.pid(), "GC.heap_info"));
            long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
            System.err.printf(Locale.ROOT, "startup %s: ready after %.1f s, load %s ms, heap used %d KB%n", name, ready,
                    loadMillis, heapKb);
            return new Start(ready, loadMillis, heapKb);
        }
    }

    private static int status(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String table(List<Start> empty, List<Start> full) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "One Payara Micro (1 GB heap) with"
                + " `freshjwt.revocation.store=jdbc` on PostgreSQL, the demo WAR; ready = first 200 of the JWKS endpoint"
                + " from the process start; load = the store's own log line; heap = used after a full GC. %d rounds.%n%n"
                + "| table | round | ready s | load ms | heap used MB |%n|---|---:|---:|---:|---:|%n", ROUNDS));
        for (int round = 0; round < ROUNDS; round++) {
            out.append(row("empty", round, empty.get(round))).append(row(String.format(Locale.ROOT, "%,d rows", ROWS),
                    round, full.get(round)));
        }
        double readyEmpty = empty.stream().mapToDouble(Start::readySeconds).min().orElseThrow();
        double readyFull = full.stream().mapToDouble(Start::readySeconds).min().orElseThrow();
        double heapEmpty = empty.stream().mapToLong(Start::heapKb).min().orElseThrow();
        double heapFull = full.stream().mapToLong(Start::heapKb).min().orElseThrow();
        out.append(String.format(Locale.ROOT, "%nBest of the rounds: ready %.1f s empty, %.1f s full: **%.1f s per"
                + " million rows** (target ≤ 10 s); heap **%.0f bytes per entry**.%n", readyEmpty, readyFull,
                (readyFull - readyEmpty) * 1_000_000 / ROWS, (heapFull - heapEmpty) * 1024 / ROWS));
        return out.toString();
    }

    private static String row(String table, int round, Start start) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %.0f |%n", table, round + 1, start.readySeconds(),
                start.loadMillis() == null ? "(not logged)" : start.loadMillis().toString(), start.heapKb() / 1024.0);
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        return output;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + process.exitValue());
        }
    }

    private record Start(double readySeconds, Long loadMillis, long heapKb) {
    }
}
