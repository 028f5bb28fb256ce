package dev.freshjwt.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The demo's user database: the Jakarta Security identity store that {@link DemoLogin} checks passwords against, in the
 * server's default data source ({@code java:comp/DefaultDataSource}), and the table and row of user {@code test}
 * (password {@code test}, group {@value DemoUsers#ROLE}), written at every start with a new PBKDF2 hash of the
 * password ({@link Pbkdf2PasswordHash}, the store's default: PBKDF2WithHmacSHA256, {@code algorithm:iterations:salt:hash}).
 * Stands in for your user database.
 *
 * <p>{@code useFor} is the default, {@code VALIDATE} and {@code PROVIDE_GROUPS}: the store checks passwords and gives the
 * groups of the callers it validated. The servers' identity store handlers (Soteria's, Open Liberty's) ask a store for
 * the groups of a caller another store validated (a MicroProfile JWT caller on Payara) only when {@code PROVIDE_GROUPS}
 * is its <em>only</em> use, as the {@code IdentityStoreHandler} contract says; so JWT callers keep the groups of their
 * token ({@code IdentityStoreLoginIT}). With {@code useFor = VALIDATE} alone, the handler drops the store's groups and a
 * login would get none.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        callerQuery = "SELECT password FROM demo_caller WHERE caller_name = ?",
        groupsQuery = "SELECT group_name FROM demo_caller_group WHERE caller_name = ?")
public class DemoUserDatabase {

    private static final Logger LOG = Logger.getLogger(DemoUserDatabase.class.getName());
    private static final String USER = "test";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    /** Creates the tables when they are missing, and writes user {@code test} anew. */
    void create(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (dataSource == null) { // Open Liberty injects null when no DefaultDataSource is declared
            throw new IllegalStateException("The demo keeps its users in java:comp/DefaultDataSource, and the server has"
                    + " none: on Open Liberty add server-config/liberty/default-datasource.xml");
        }
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS demo_caller (caller_name VARCHAR(64) PRIMARY KEY,"
                        + " password VARCHAR(255) NOT NULL)");
                statement.executeUpdate("CREATE TABLE IF NOT EXISTS demo_caller_group (caller_name VARCHAR(64) NOT NULL,"
                        + " group_name VARCHAR(64) NOT NULL, PRIMARY KEY (caller_name, group_name))");
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                update(connection, "DELETE FROM demo_caller_group WHERE caller_name = ?", USER);
                update(connection, "DELETE FROM demo_caller WHERE caller_name = ?", USER);
                update(connection, "INSERT INTO demo_caller (caller_name, password) VALUES (?, ?)", USER,
                        passwordHash.generate("test".toCharArray()));
                update(connection, "INSERT INTO demo_caller_group (caller_name, group_name) VALUES (?, ?)", USER,
                        DemoUsers.ROLE);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the demo user to java:comp/DefaultDataSource", e);
        }
        LOG.info("Demo user " + USER + " written to java:comp/DefaultDataSource (PBKDF2 hash)");
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
