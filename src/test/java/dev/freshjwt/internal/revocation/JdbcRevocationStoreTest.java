package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.unit.MutableClock;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDBC store's SQL, against an embedded H2 database. */
class JdbcRevocationStoreTest {

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final H2Database database = new H2Database();
    private final ManualBackground background = new ManualBackground();

    @AfterEach
    void shutDown() throws SQLException {
        database.close();
    }

    private JdbcRevocationStore open() {
        return JdbcRevocationStore.open(database, clock, Duration.ofMillis(500), Duration.ZERO, background, () -> false);
    }

    @Test
    void theTableIsCreatedWhenAbsentAndUsedWhenPresent() throws SQLException {
        open().put("jti:a", 1, START.plusSeconds(60));
        JdbcRevocationStore again = open();
        assertEquals(OptionalLong.of(1), again.get("jti:a"), "a second instance uses the table the first created");
        assertEquals(1, database.rows());
    }

    @Test
    void theTableTeamsCreateThemselvesFromTheDocumentedDdlIsUsedAsItIs() throws SQLException {
        for (String statement : RevocationTable.ddl("BIGINT")) {
            database.execute(statement);
        }
        JdbcRevocationStore store = open();
        store.put("jti:a", 1, START.plusSeconds(60));
        assertEquals(OptionalLong.of(1), store.get("jti:a"));
    }

    @Test
    void entriesLiveUntilTheyExpire() {
        JdbcRevocationStore store = open();
        store.put("jti:a", 7, START.plusSeconds(60));
        assertEquals(OptionalLong.of(7), store.get("jti:a"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(OptionalLong.of(7), store.get("jti:a"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OptionalLong.empty(), store.get("jti:a"));
        assertEquals(OptionalLong.empty(), store.get("jti:never"));
    }

    @Test
    void putReplacesWhateverIsThere() {
        JdbcRevocationStore store = open();
        store.put("sub:alice", 100, START.plusSeconds(60));
        store.put("sub:alice", 200, START.plusSeconds(120));
        assertEquals(OptionalLong.of(200), store.get("sub:alice"));
        clock.advance(Duration.ofSeconds(90));
        assertEquals(OptionalLong.of(200), store.get("sub:alice"), "with the new expiry");
    }

    @Test
    void putIfAbsentStoresOnceAndReportsTheLiveValue() throws SQLException {
        JdbcRevocationStore store = open();
        assertEquals(OptionalLong.empty(), store.putIfAbsent("gen:s", 1, START.plusSeconds(60)));
        assertEquals(OptionalLong.of(1), store.putIfAbsent("gen:s", 2, START.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(OptionalLong.empty(), store.putIfAbsent("gen:s", 3, START.plusSeconds(120)),
                "an expired row counts as absent and is taken over");
        assertEquals(OptionalLong.of(3), store.get("gen:s"));
        assertEquals(1, database.rows());
    }

    @Test
    void replaceIsACompareAndSetOnLiveEntries() {
        JdbcRevocationStore store = open();
        assertFalse(store.replace("gen:s", 0, 1, START.plusSeconds(60)), "nothing to replace");
        store.put("gen:s", 1, START.plusSeconds(60));
        assertFalse(store.replace("gen:s", 0, 2, START.plusSeconds(60)), "another value");
        assertTrue(store.replace("gen:s", 1, 2, START.plusSeconds(120)));
        assertEquals(OptionalLong.of(2), store.get("gen:s"));
        clock.advance(Duration.ofSeconds(90));
        assertEquals(OptionalLong.of(2), store.get("gen:s"), "with the new expiry");
        clock.advance(Duration.ofSeconds(30));
        assertFalse(store.replace("gen:s", 2, 3, START.plusSeconds(600)), "an expired entry is not replaced");
    }

    @Test
    void concurrentFirstUsesOnTwoInstancesHaveExactlyOneWinner() throws Exception {
        JdbcRevocationStore first = open();
        JdbcRevocationStore second = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "gen:session-" + round;
                List<Future<OptionalLong>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    JdbcRevocationStore store = i % 2 == 0 ? first : second;
                    long value = i;
                    attempts.add(pool.submit(() -> store.putIfAbsent(key, value, START.plusSeconds(60))));
                }
                int winners = 0;
                for (Future<OptionalLong> attempt : attempts) {
                    winners += attempt.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
                }
                assertEquals(1, winners, key);
                long stored = first.get(key).orElseThrow();
                List<Future<Boolean>> replacements = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    JdbcRevocationStore store = i % 2 == 0 ? first : second;
                    long next = 100 + i;
                    replacements.add(pool.submit(() -> store.replace(key, stored, next, START.plusSeconds(60))));
                }
                int replaced = 0;
                for (Future<Boolean> replacement : replacements) {
                    replaced += replacement.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, replaced, key + ": one compare-and-set wins");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredRowsAreDeleted() throws SQLException {
        JdbcRevocationStore store = open();
        store.put("jti:short", 1, START.plusSeconds(10));
        store.put("gen:short", 1, START.plusSeconds(10));
        store.put("jti:long", 1, START.plusSeconds(100));
        assertEquals(0, store.deleteExpired());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(2, store.deleteExpired());
        assertEquals(1, database.rows());
        assertEquals(OptionalLong.of(1), store.get("jti:long"));
    }

    @Test
    void keysLongerThanTheColumnAreRefusedRatherThanTruncated() {
        JdbcRevocationStore store = open();
        String subject = "sub:" + "x".repeat(252);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.put(subject, 1, START.plusSeconds(60)));
        assertTrue(refused.getMessage().contains("255"), refused.getMessage());
        assertEquals(OptionalLong.empty(), store.get(subject));
        store.put("sub:" + "x".repeat(251), 1, START.plusSeconds(60));
    }

    @Test
    void aDatabaseThatIsDownIsAFailureThatSaysSo() {
        JdbcRevocationStore store = open();
        database.goDown();
        FreshJwtException failure = assertThrows(FreshJwtException.class, () -> store.put("jti:a", 1, START.plusSeconds(60)));
        assertTrue(failure.getMessage().startsWith("The revocation database cannot store a revocation: Connection refused"),
                failure.getMessage());
        assertThrows(FreshJwtException.class, () -> store.get("jti:a"));
        database.comeBack();
        store.put("jti:a", 1, START.plusSeconds(60));
    }

    @Test
    void aDatabaseThatCannotBeReachedAtStartFailsTheStart() {
        database.goDown();
        assertThrows(FreshJwtException.class, this::open);
    }

    @Test
    void callersInsideATransactionHandTheirStatementsToTheBackground() {
        AtomicBoolean inTransaction = new AtomicBoolean();
        JdbcRevocationStore store = JdbcRevocationStore.open(database, clock, Duration.ofMillis(500), Duration.ZERO, background,
                inTransaction::get);
        store.put("jti:outside", 1, START.plusSeconds(60));
        assertEquals(List.of(), background.threads(), "no transaction: the caller's thread runs the statement");

        inTransaction.set(true);
        store.put("jti:inside", 1, START.plusSeconds(60));
        assertEquals(OptionalLong.of(1), store.get("jti:inside"));
        assertEquals(2, background.threads().size());
        assertNotEquals(Thread.currentThread(), background.threads().get(0));
    }

    @Test
    void duplicateKeysAreRecognisedByTheirSqlStateClass() {
        assertTrue(RevocationTable.isDuplicateKey(new SQLException("duplicate key", "23505")));
        assertTrue(RevocationTable.isDuplicateKey(new SQLException("Duplicate entry", "23000")));
        assertTrue(RevocationTable.isDuplicateKey(new SQLIntegrityConstraintViolationException("unique constraint")));
        assertTrue(RevocationTable.isDuplicateKey(new SQLException("wrapped", "HY000", new SQLException("dup", "23505"))));
        assertFalse(RevocationTable.isDuplicateKey(new SQLException("syntax", "42000")));
        assertFalse(RevocationTable.isDuplicateKey(new SQLException("no state")));
    }

    /**
     * The start-up load streams: one query with a fetch size, in a transaction (PostgreSQL's driver uses a cursor only
     * then, and reads the whole result into memory otherwise), and the connection goes back to the pool auto-committing.
     */
    @Test
    void theStartUpLoadStreamsInATransactionAndHandsTheConnectionBackAutoCommitting() throws SQLException {
        JdbcRevocationStore writer = open();
        int live = JdbcRevocationStore.LOAD_FETCH_SIZE * 2 + 7;
        database.execute("INSERT INTO " + RevocationTable.NAME + " SELECT 'jti:' || X, 1, " + (START.getEpochSecond() + 60)
                + ", 0 FROM SYSTEM_RANGE(1, " + live + ")");
        writer.put("sid:expired", 1, START.plusSeconds(1));
        writer.put("gen:not-mirrored", 1, START.plusSeconds(60));
        clock.advance(Duration.ofSeconds(2));

        List<String> seen = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        JdbcRevocationStore store = JdbcRevocationStore.open(recording(database, calls), clock, Duration.ofMillis(500), Duration.ZERO,
                background, () -> false);
        calls.clear();
        store.readLive((key, value, expiresAt) -> seen.add(key));

        assertEquals(live, seen.size(), "every live revocation, and nothing else");
        assertEquals(List.of("setAutoCommit(false)", "setFetchSize(" + JdbcRevocationStore.LOAD_FETCH_SIZE + ")",
                "executeQuery", "commit", "setAutoCommit(true)", "close"), calls);
    }

    /** {@code dataSource}, whose connections note the calls that decide how a query's rows travel. */
    private static javax.sql.DataSource recording(H2Database dataSource, List<String> calls) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(JdbcRevocationStoreTest.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = call(method, dataSource, args);
                    return method.getName().equals("getConnection") ? noting((java.sql.Connection) result, calls) : result;
                });
    }

    private static java.sql.Connection noting(java.sql.Connection connection, List<String> calls) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(JdbcRevocationStoreTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    if (List.of("setAutoCommit", "commit", "rollback", "close").contains(method.getName())) {
                        calls.add(method.getName() + (args == null ? "" : "(" + args[0] + ")"));
                    }
                    Object result = call(method, connection, args);
                    if (method.getName().equals("prepareStatement")) {
                        java.sql.PreparedStatement statement = (java.sql.PreparedStatement) result;
                        return java.lang.reflect.Proxy.newProxyInstance(JdbcRevocationStoreTest.class.getClassLoader(),
                                new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> {
                                    if (m.getName().equals("setFetchSize") || m.getName().equals("executeQuery")) {
                                        calls.add(m.getName() + (a == null ? "" : "(" + a[0] + ")"));
                                    }
                                    return call(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
