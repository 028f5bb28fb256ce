package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The JDBC store's way to the database: each piece of work gets a connection of its own on which every statement
 * commits by itself (auto-commit), and never runs inside a JTA transaction of its caller, which it would neither be
 * allowed to commit nor want to depend on. A caller that has one hands the work to the background and waits.
 */
final class RevocationDatabase {

    private static final int QUERY_TIMEOUT_SECONDS = 10;
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

    private <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.apply(connection);
        } catch (SQLException e) {
            throw new FreshJwtException("The revocation database cannot " + what + ": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
