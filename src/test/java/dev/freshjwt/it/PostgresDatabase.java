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
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The throwaway PostgreSQL of the postgres profile ({@code src/test/postgres/postgres.sh}, started by the build
 * before the integration tests): database and user {@code freshjwt} on 127.0.0.1, at the port and with the password
 * the build hands over in system properties; the Payara Micro data source that uses it, or one a WAR declares; and
 * an abrupt stop and a start again, for the outage tests.
 */
public final class PostgresDatabase {

    static final String NAME = "freshjwt";

    private final int port;
    private final String password;
    private final Path driver;
    private final Path stateDir;

    /**
     * A database that {@code src/test/postgres/postgres.sh start STATE_DIR PORT} started.
     *
     * @param passwordFile {@code STATE_DIR/password}
     * @param driver the JDBC driver jar, for Payara Micro
     */
    public static PostgresDatabase of(int port, Path passwordFile, Path driver) {
        try {
            return new PostgresDatabase(port, Files.readString(passwordFile).strip(), driver,
                    passwordFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PostgresDatabase(int port, String password, Path driver, Path stateDir) {
        this.port = port;
        this.password = password;
        this.driver = driver;
        this.stateDir = stateDir;
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
            Path password = Path.of(passwordFile);
            return new PostgresDatabase(Integer.parseInt(port), Files.readString(password).strip(), Path.of(driver),
                    password.getParent());
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

    /** Stops the database abruptly ({@code pg_ctl stop -m immediate}): every connection to it breaks. */
    void crash() {
        script("crash");
    }

    /** Starts the database again after {@link #crash()}, on the same data and port. */
    void resume() {
        script("resume");
    }

    private void script(String command) {
        try {
            Process process = new ProcessBuilder("bash", "src/test/postgres/postgres.sh", command, stateDir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("postgres.sh " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds to {@code war} a data source on this database under {@code jndiName} ({@code java:app/…}), declared in its
     * {@code web.xml} with nothing but the connection properties, so the server's pool runs with its defaults (no
     * connection validation), and the JDBC driver in {@code WEB-INF/lib}.
     */
    WebArchive defineDataSource(WebArchive war, String jndiName) {
        String webXml = war.contains(WEB_XML) ? read(war.get(WEB_XML).getAsset()) : EMPTY_WEB_XML;
        String dataSource = "  <data-source>\n"
                + "    <name>" + jndiName + "</name>\n"
                + "    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>\n"
                + "    <server-name>127.0.0.1</server-name>\n"
                + "    <port-number>" + port + "</port-number>\n"
                + "    <database-name>" + NAME + "</database-name>\n"
                + "    <user>" + NAME + "</user>\n"
                + "    <password>" + password + "</password>\n"
                + "  </data-source>\n";
        int end = webXml.lastIndexOf("</web-app>");
        war.delete(WEB_XML);
        return war.setWebXML(new StringAsset(webXml.substring(0, end) + dataSource + webXml.substring(end)))
                .addAsLibrary(driver.toFile(), "postgresql.jar");
    }

    private static final String WEB_XML = "WEB-INF/web.xml";
    private static final String EMPTY_WEB_XML = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n</web-app>";

    private static String read(Asset asset) {
        try (var in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC driver jar, for Payara Micro's {@code --addlibs}. */
    public Path driverJar() {
        return driver;
    }

    /**
     * Writes the asadmin commands (for Payara Micro's {@code --postbootcommandfile}) that create a connection pool to
     * this database, validating connections as the recipe of docs/revocation.md does, and the JDBC resource
     * {@code jndiName} on it.
     */
    public Path writePayaraDataSource(Path file, String jndiName) {
        String pool = "freshjwt-postgres";
        List<String> commands = List.of(
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod custom-validation"
                        + " --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
                        + " --failconnection=true --property serverName=127.0.0.1:portNumber=" + port
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
