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
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The demo's user database: the Jakarta Security identity store that {@link DemoLogin} checks passwords against, in the
 * server's default data source ({@code java:comp/DefaultDataSource}), and the tables and rows of its users, written at
 * every start with a new PBKDF2 hash of each password ({@link Pbkdf2PasswordHash}, the store's default:
 * PBKDF2WithHmacSHA256, {@code algorithm:iterations:salt:hash}): {@code test} (password {@code test}) and {@code alice}
 * (password {@value #ALICE_PASSWORD}), to try the password change on without changing the password the README
 * gives; both in group {@value DemoUsers#ROLE}. A changed password lasts until the next start. Stands in for your user
 * database.
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
    /** The second demo user's password, until it is changed. */
    static final String ALICE_PASSWORD = "wonderland";
    private static final Map<String, String> USERS = Map.of("test", "test", "alice", ALICE_PASSWORD);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    /** Creates the tables when they are missing, and writes the demo users anew. */
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
                for (Map.Entry<String, String> user : new TreeMap<>(USERS).entrySet()) {
                    update(connection, "DELETE FROM demo_caller_group WHERE caller_name = ?", user.getKey());
                    update(connection, "DELETE FROM demo_caller WHERE caller_name = ?", user.getKey());
                    update(connection, "INSERT INTO demo_caller (caller_name, password) VALUES (?, ?)", user.getKey(),
                            passwordHash.generate(user.getValue().toCharArray()));
                    update(connection, "INSERT INTO demo_caller_group (caller_name, group_name) VALUES (?, ?)",
                            user.getKey(), DemoUsers.ROLE);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the demo users to java:comp/DefaultDataSource", e);
        }
        LOG.info("Demo users " + new TreeMap<>(USERS).keySet() + " written to java:comp/DefaultDataSource (PBKDF2 hashes)");
    }

    /**
     * Stores a new PBKDF2 hash of {@code password} as the password of {@code user}: one statement, committed by itself
     * (or by the caller's transaction, when there is one).
     *
     * @throws IllegalStateException when the database cannot be written, or has no such user
     */
    public void replacePassword(String user, String password) {
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, "UPDATE demo_caller SET password = ? WHERE caller_name = ?",
                    passwordHash.generate(password.toCharArray()), user) != 1) {
                throw new IllegalStateException("No demo user " + user + " in java:comp/DefaultDataSource");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the password of " + user + " to java:comp/DefaultDataSource", e);
        }
    }

    private static int update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }
}
