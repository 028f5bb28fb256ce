package dev.freshjwt.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The throwaway PostgreSQL of the postgres profile ({@code src/test/postgres/postgres.sh}, started by the build
 * before the integration tests): database and user {@code freshjwt} on 127.0.0.1, at the port and with the password
 * the build hands over in system properties; and the Payara Micro data source that uses it.
 */
public final class PostgresDatabase {

    static final String NAME = "freshjwt";

    private final int port;
    private final String password;
    private final Path driver;

    /**
     * A database that {@code src/test/postgres/postgres.sh start STATE_DIR PORT} started.
     *
     * @param passwordFile {@code STATE_DIR/password}
     * @param driver the JDBC driver jar, for Payara Micro
     */
    public static PostgresDatabase of(int port, Path passwordFile, Path driver) {
        try {
            return new PostgresDatabase(port, Files.readString(passwordFile).strip(), driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PostgresDatabase(int port, String password, Path driver) {
        this.port = port;
        this.password = password;
        this.driver = driver;
    }

    /** The database the build started; fails, saying how to get one, when the build started none. */
    static PostgresDatabase ofBuild() {
        String port = System.getProperty("postgres.port");
        String passwordFile = System.getProperty("postgres.password.file");
        String driver = System.getProperty("postgres.driver");
        if (port == null || passwordFile == null || driver == null) {
            throw new IllegalStateException("No PostgreSQL: run the integration tests with the postgres profile"
                    + " (mvn -Ppayara,postgres verify), which starts one");
        }
        try {
            return new PostgresDatabase(Integer.parseInt(port), Files.readString(Path.of(passwordFile)).strip(), Path.of(driver));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
    }

    /** A connection as the application's user. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), NAME, password);
    }

    /** The JDBC driver jar, for Payara Micro's {@code --addlibs}. */
    public Path driverJar() {
        return driver;
    }

    /**
     * Writes the asadmin commands (for Payara Micro's {@code --postbootcommandfile}) that create a connection pool to
     * this database and the JDBC resource {@code jndiName} on it.
     */
    public Path writePayaraDataSource(Path file, String jndiName) {
        String pool = "freshjwt-postgres";
        List<String> commands = List.of(
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --property serverName=127.0.0.1:portNumber=" + port
                        + ":databaseName=" + NAME + ":user=" + NAME + ":password=" + password + " " + pool,
                "create-jdbc-resource --connectionpoolid " + pool + " " + jndiName);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, commands, StandardCharsets.UTF_8);
            return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // the password
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
