package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC store's way to the database: each piece of work gets a connection of its own on which every statement
 * commits by itself (auto-commit), and never runs inside a JTA transaction of its caller, which it would neither be
 * allowed to commit nor want to depend on. A caller that has one hands the work to the background and waits. Recovers
 * by itself from a database restart, whatever the pool's validation settings: broken connections are never reused.
 */
final class RevocationDatabase {

    private static final Logger LOG = Logger.getLogger(RevocationDatabase.class.getName());
    private static final int QUERY_TIMEOUT_SECONDS = 10;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** How long the search for a valid connection may take, and how many broken ones it discards at most. */
    private static final int VALIDATION_PATIENCE_SECONDS = 5;
    private static final int MAX_DISCARDED = 64;
    private static final long HAND_OVER_TIMEOUT_SECONDS = 30;

    private final DataSource dataSource;
    private final Background background;
    private final BooleanSupplier inTransaction;

    /**
     * @param background where work goes when the caller has a JTA transaction
     * @param inTransaction whether the calling thread has a JTA transaction
     */
    RevocationDatabase(DataSource dataSource, Background background, BooleanSupplier inTransaction) {
        this.dataSource = dataSource;
        this.background = background;
        this.inTransaction = inTransaction;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * @param what what the work does, for the message of a failure ("store a revocation")
     * @throws FreshJwtException when the database fails
     */
    <T> T run(String what, Work<T> work) {
        if (!inTransaction.getAsBoolean()) {
            return withConnection(what, work);
        }
        FutureTask<T> task = new FutureTask<>(() -> withConnection(what, work));
        background.execute(task);
        try {
            return task.get(HAND_OVER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new FreshJwtException("The revocation database cannot " + what, e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new FreshJwtException("The revocation database cannot " + what + ": no answer within "
                    + HAND_OVER_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FreshJwtException("Interrupted while the revocation database was to " + what, e);
        }
    }

    /** A statement that gives up after a while, where the driver can. */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        } catch (SQLException unsupported) {
            // a driver without query timeouts: the pool's own timeouts still apply
        }
        return statement;
    }

    /**
     * Runs the work on a connection the database answers on. A pool may hand out connections the database has closed
     * (it restarted, or failed over) for as long as it is not told: each connection is checked first
     * ({@link Connection#isValid}), and one that is not valid, or that failed with a connection error, is aborted
     * ({@link Connection#abort}), which makes the server's pool drop it rather than hand it out again. The work itself
     * runs once: a statement that failed may have committed.
     */
    private <T> T withConnection(String what, Work<T> work) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(VALIDATION_PATIENCE_SECONDS);
        SQLException invalid = null;
        for (int attempt = 0; attempt < MAX_DISCARDED && System.nanoTime() < deadline; attempt++) {
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException e) {
                throw failure(what, e);
            }
            try {
                if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    invalid = new SQLException("a connection from the pool is closed or does not answer", "08003");
                    discard(connection);
                    continue;
                }
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                T result = work.apply(connection);
                connection.close();
                return result;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof SQLException sql && isConnectionFailure(sql, connection)) {
                    discard(connection);
                } else {
                    closeQuietly(connection, e);
                }
                throw e instanceof SQLException sql ? failure(what, sql) : (RuntimeException) e;
            }
        }
        throw failure(what, invalid != null ? invalid
                : new SQLException("no valid connection within " + VALIDATION_PATIENCE_SECONDS + " s", "08001"));
    }

    /**
     * Whether the connection itself failed rather than the statement: SQLState class 08 (connection exception), a
     * {@link SQLNonTransientConnectionException}, or a connection that no longer answers.
     */
    static boolean isConnectionFailure(SQLException e, Connection connection) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        try {
            return connection.isClosed() || !connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException unknown) {
            return true;
        }
    }

    /**
     * Aborts a broken connection, so that the pool destroys it instead of handing it out again (JDBC 4.1: every pool of
     * Payara, WildFly and Open Liberty takes an aborted handle's connection out of service); closes it where the pool
     * cannot abort.
     */
    private static void discard(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException | AbstractMethodError notAborted) {
            LOG.log(Level.FINE, "freshjwt: a broken connection could not be aborted; closing it", notAborted);
            closeQuietly(connection, null);
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.log(Level.FINE, "freshjwt: closing a broken connection failed", e);
            }
        }
    }

    private static FreshJwtException failure(String what, SQLException e) {
        return new FreshJwtException("The revocation database cannot " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ")", e);
    }
}
