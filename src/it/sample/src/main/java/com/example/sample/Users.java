package com.example.sample;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The application's users, in a database behind a Jakarta Security identity store: passwords as PBKDF2 hashes, groups
 * beside them. The store validates the login's password and gives the user's groups; MicroProfile JWT callers are never
 * looked up in it. For the sample, the tables and one user ({@code alice}, password {@value #SAMPLE_PASSWORD}) are
 * created at start in the server's default data source.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:comp/DefaultDataSource",
        callerQuery = "SELECT password FROM sample_user WHERE name = ?",
        groupsQuery = "SELECT group_name FROM sample_group WHERE name = ?",
        useFor = {ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS})
@ApplicationScoped
public class Users {

    /** The sample user's password: a sample, nothing more. */
    static final String SAMPLE_PASSWORD = "correct horse battery staple";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Inject
    Pbkdf2PasswordHash hash;

    void createTables(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS sample_user (name VARCHAR(64) PRIMARY KEY, password VARCHAR(255) NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS sample_group (name VARCHAR(64) NOT NULL, group_name VARCHAR(64) NOT NULL)");
            ddl.execute("DELETE FROM sample_group WHERE name = 'alice'");
            ddl.execute("DELETE FROM sample_user WHERE name = 'alice'");
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO sample_user VALUES (?, ?)");
                    PreparedStatement group = connection.prepareStatement("INSERT INTO sample_group VALUES (?, ?)")) {
                user.setString(1, "alice");
                user.setString(2, hash.generate(SAMPLE_PASSWORD.toCharArray()));
                user.executeUpdate();
                group.setString(1, "alice");
                group.setString(2, "user");
                group.executeUpdate();
            }
        }
    }
}
