package dev.freshjwt.internal.revocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one table of the JDBC store, and every statement freshjwt runs on it: plain SQL that H2, PostgreSQL, MySQL,
 * MariaDB, SQL Server, Oracle, DB2, Derby and HSQLDB all accept (no {@code MERGE}, no upsert, no vendor types but
 * Oracle's {@code NUMBER(19)} for {@code BIGINT}). Identifiers are unquoted, so each database folds them its own way,
 * the same way in every statement.
 *
 * <pre>
 * CREATE TABLE FRESHJWT_REVOCATION (
 *   ENTRY_KEY   VARCHAR(255) NOT NULL PRIMARY KEY,  -- "jti:…", "sid:…", "sub:…", "gen:…"
 *   ENTRY_VALUE BIGINT NOT NULL,
 *   EXPIRES_AT  BIGINT NOT NULL,                    -- epoch second from which the entry is gone
 *   WRITTEN_AT  BIGINT NOT NULL                     -- epoch millisecond of the last write, by the writer's clock
 * );
 * CREATE INDEX FRESHJWT_REVOCATION_WRITTEN ON FRESHJWT_REVOCATION (WRITTEN_AT);
 * </pre>
 */
final class RevocationTable {

    private static final Logger LOG = Logger.getLogger(RevocationTable.class.getName());

    static final String NAME = "FRESHJWT_REVOCATION";
    static final int MAX_KEY_LENGTH = 255;

    private static final String COLUMNS = "ENTRY_KEY, ENTRY_VALUE, EXPIRES_AT";

    /** Parameters: key, value, expires at, written at. */
    static final String INSERT = "INSERT INTO " + NAME + " (ENTRY_KEY, ENTRY_VALUE, EXPIRES_AT, WRITTEN_AT) VALUES (?, ?, ?, ?)";
    /** Parameters: value, expires at, written at, key. */
    static final String UPDATE = "UPDATE " + NAME + " SET ENTRY_VALUE = ?, EXPIRES_AT = ?, WRITTEN_AT = ? WHERE ENTRY_KEY = ?";
    /** {@link #UPDATE}, then: expected value, now (epoch second). Changes only a live entry holding the expected value. */
    static final String REPLACE = UPDATE + " AND ENTRY_VALUE = ? AND EXPIRES_AT > ?";
    /** {@link #UPDATE}, then: now (epoch second). Changes only an expired entry. */
    static final String TAKE_OVER_EXPIRED = UPDATE + " AND EXPIRES_AT <= ?";
    /** Parameter: key. */
    static final String SELECT = "SELECT ENTRY_VALUE, EXPIRES_AT FROM " + NAME + " WHERE ENTRY_KEY = ?";
    private static final String PREFIXES = " AND ("
            + String.join(" OR ", java.util.Collections.nCopies(RevocationMirror.PREFIXES.size(), "ENTRY_KEY LIKE ?")) + ")";
    /** Parameters: now (epoch second), then a {@code LIKE} pattern per mirrored key prefix. */
    static final String LIVE = "SELECT " + COLUMNS + " FROM " + NAME + " WHERE EXPIRES_AT > ?" + PREFIXES;
    /** Parameters: written since (epoch millisecond), now (epoch second), then a {@code LIKE} pattern per mirrored key prefix. */
    static final String WRITTEN_SINCE = "SELECT " + COLUMNS + " FROM " + NAME + " WHERE WRITTEN_AT >= ? AND EXPIRES_AT > ?"
            + PREFIXES;
    /** Parameter: now (epoch second). */
    static final String DELETE_EXPIRED = "DELETE FROM " + NAME + " WHERE EXPIRES_AT <= ?";

    private static final String PROBE = "SELECT ENTRY_KEY, ENTRY_VALUE, EXPIRES_AT, WRITTEN_AT FROM " + NAME + " WHERE 1 = 0";

    private RevocationTable() {
    }

    /** The statements that create the table and its index, in the integer type of the database at hand. */
    static List<String> ddl(String bigint) {
        return List.of("CREATE TABLE " + NAME + " (ENTRY_KEY VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL PRIMARY KEY, ENTRY_VALUE "
                        + bigint + " NOT NULL, EXPIRES_AT " + bigint + " NOT NULL, WRITTEN_AT " + bigint + " NOT NULL)",
                "CREATE INDEX " + NAME + "_WRITTEN ON " + NAME + " (WRITTEN_AT)");
    }

    /**
     * Creates the table (and its index) unless a table of that name with the four columns is there. Tolerates another
     * instance creating it at the same time. Needs an auto-committing connection.
     *
     * @return whether this call created it
     * @throws SQLException when the table is absent and cannot be created
     */
    static boolean createIfAbsent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(PROBE).close();
            return false;
        } catch (SQLException absent) {
            List<String> ddl = ddl(integerType(connection));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(ddl.get(0));
            } catch (SQLException notCreated) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery(PROBE).close(); // another instance created it meanwhile
                    return false;
                } catch (SQLException stillAbsent) {
                    notCreated.addSuppressed(absent);
                    throw notCreated;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(ddl.get(1));
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "freshjwt created the table " + NAME + " but not its index on WRITTEN_AT; polling"
                        + " for new revocations will read the whole table: " + e.getMessage(), e);
            }
            return true;
        }
    }

    private static String integerType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && product.toLowerCase(Locale.ROOT).contains("oracle") ? "NUMBER(19)" : "BIGINT";
    }

    /** Whether the failure is a duplicate key: SQLState class 23, integrity constraint violation (the primary key here). */
    static boolean isDuplicateKey(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
