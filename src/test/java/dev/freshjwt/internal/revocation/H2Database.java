package dev.freshjwt.internal.revocation;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database for one test, which can be made unreachable and reachable again: the data source
 * then refuses connections as a database server that is down would.
 */
final class H2Database implements DataSource, AutoCloseable {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private volatile boolean down;

    H2Database() {
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    /** Runs one statement of the test's own. */
    void execute(String sql) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** How many rows the revocation table holds. */
    int rows() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM " + RevocationTable.NAME)) {
            result.next();
            return result.getInt(1);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("Connection refused (the test took the database down)", "08001");
        }
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() throws SQLException {
        execute("SHUTDOWN");
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
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
