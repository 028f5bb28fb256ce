package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.FreshJwtException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a database restart a pool without validation hands out the connections the database closed, for as long as
 * nobody tells it: the store checks each connection, aborts the broken ones (so the pool drops them), and gets on with
 * a good one, in the same call.
 */
class RevocationDatabaseTest {

    private final H2Database h2 = new H2Database();

    @AfterEach
    void shutDown() throws SQLException {
        h2.close();
    }

    @Test
    void connectionsTheDatabaseClosedAreAbortedAndTheWorkRunsOnAGoodOne() throws SQLException {
        StalePool pool = new StalePool(h2, 8);
        RevocationDatabase database = new RevocationDatabase(pool, new ManualBackground(), () -> false);

        assertEquals(Integer.valueOf(1), database.<Integer>run("be read", RevocationDatabaseTest::selectOne));
        assertEquals(8, pool.aborted.get(), "every broken connection handed out was aborted, none reused");
        assertEquals(1, pool.idle.size(), "the pool holds none of them any more, only the good one, back from the work");
        assertTrue(pool.idle.peek().isValid(1));
        assertEquals(Integer.valueOf(1), database.<Integer>run("be read", RevocationDatabaseTest::selectOne));
        assertEquals(8, pool.aborted.get());
    }

    @Test
    void aConnectionThatFailsDuringTheWorkIsAbortedAndTheFailureReported() throws SQLException {
        StalePool pool = new StalePool(h2, 0);
        RevocationDatabase database = new RevocationDatabase(pool, new ManualBackground(), () -> false);

        FreshJwtException failure = assertThrows(FreshJwtException.class, () -> database.run("be read", connection -> {
            throw new SQLNonTransientConnectionException("This connection has been closed.", "08003");
        }));
        assertTrue(failure.getMessage().contains("cannot be read: This connection has been closed. (SQLState 08003)"),
                failure.getMessage());
        assertEquals(1, pool.aborted.get(), "a connection that failed is not handed back for reuse");
    }

    @Test
    void aStatementThatFailsLeavesTheConnectionInThePool() throws SQLException {
        StalePool pool = new StalePool(h2, 0);
        RevocationDatabase database = new RevocationDatabase(pool, new ManualBackground(), () -> false);

        assertThrows(FreshJwtException.class, () -> database.run("be read",
                connection -> connection.createStatement().executeQuery("SELECT * FROM NO_SUCH_TABLE")));
        assertEquals(0, pool.aborted.get());
        assertEquals(1, pool.idle.size(), "closed normally: back in the pool");
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (var result = connection.createStatement().executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * A pool as GlassFish's is without validation: it hands out its idle connections first, closed by the database or
     * not, takes back what is closed, and drops only what is aborted.
     */
    private static final class StalePool implements DataSource {

        final Deque<Connection> idle = new ArrayDeque<>();
        final AtomicInteger aborted = new AtomicInteger();
        private final H2Database database;

        StalePool(H2Database database, int closedByTheDatabase) throws SQLException {
            this.database = database;
            for (int i = 0; i < closedByTheDatabase; i++) {
                Connection physical = database.getConnection();
                physical.close(); // what a database restart does to the pool's connections
                idle.add(handle(physical));
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection pooled = idle.pollFirst();
            return pooled != null ? pooled : handle(database.getConnection());
        }

        private Connection handle(Connection physical) {
            Connection[] self = new Connection[1];
            self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "close" -> {
                            idle.addLast(self[0]);
                            yield null;
                        }
                        case "abort" -> {
                            aborted.incrementAndGet();
                            physical.close();
                            yield null;
                        }
                        default -> {
                            try {
                                yield method.invoke(physical, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
            return self[0];
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
