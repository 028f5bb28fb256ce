package dev.freshjwt.internal.revocation;

import static dev.freshjwt.FreshJwtConfig.REVOCATION_DATASOURCE;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.InvalidConfigurationException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens the JDBC store of an application: looks its data source up by JNDI name (a name that cannot be looked up fails
 * the deployment, naming the key), finds the background and a way to tell whether a thread has a JTA transaction.
 * Runs when the application starts, where its {@code java:comp} names resolve.
 */
final class JdbcLookup {

    private static final String TRANSACTIONS = "java:comp/TransactionSynchronizationRegistry";

    private JdbcLookup() {
    }

    /**
     * @throws InvalidConfigurationException naming {@code freshjwt.revocation.datasource} when the name resolves to no data source
     * @throws FreshJwtException when the database cannot be reached or the table cannot be created
     */
    static JdbcRevocationStore open(String datasource, Duration pollInterval, Duration maxStaleness, Clock clock) {
        DataSource dataSource = dataSource(datasource);
        ScheduledBackground background = ScheduledBackground.find();
        try {
            return JdbcRevocationStore.open(dataSource, clock, pollInterval, maxStaleness, background,
                    transactionProbe());
        } catch (RuntimeException e) {
            background.close();
            throw new FreshJwtException("freshjwt cannot use the revocation table in " + datasource + " ("
                    + REVOCATION_DATASOURCE + "): " + e.getMessage(), e);
        }
    }

    private static DataSource dataSource(String name) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            throw new InvalidConfigurationException(REVOCATION_DATASOURCE + " is '" + name + "', which the application"
                    + " cannot look up: configure that data source in the server, or name another ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (found instanceof DataSource dataSource) {
            return dataSource;
        }
        throw new InvalidConfigurationException(REVOCATION_DATASOURCE + " is '" + name + "', which is not a DataSource but "
                + (found == null ? "null" : found.getClass().getName()));
    }

    /** Whether the calling thread has a JTA transaction; never, where the server offers no registry to ask. */
    private static BooleanSupplier transactionProbe() {
        try {
            if (new InitialContext().lookup(TRANSACTIONS) instanceof TransactionSynchronizationRegistry registry) {
                return () -> registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
            }
        } catch (NamingException | RuntimeException | LinkageError absent) {
            // no JTA here
        }
        return () -> false;
    }
}
