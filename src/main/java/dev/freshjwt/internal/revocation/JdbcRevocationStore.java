package dev.freshjwt.internal.revocation;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.RevocationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A store in one table of a database ({@link RevocationTable}), reached through a data source of the server:
 * revocations survive restarts, and every instance that uses the same database shares them. Thread-safe.
 *
 * <p>Atomic with plain SQL: {@code putIfAbsent} is an {@code INSERT} that the primary key refuses when the key is
 * there (then the live row's value is the answer; an expired row is taken over by a conditional {@code UPDATE});
 * {@code replace} is an {@code UPDATE} conditional on the expected value. Each statement commits on its own, never
 * inside a JTA transaction of the caller ({@link RevocationDatabase}).
 *
 * <p>As a {@link RevocationFeed} it polls ({@link JdbcPoller}).
 */
final class JdbcRevocationStore implements RevocationStore, RevocationFeed {

    private static final Logger LOG = Logger.getLogger(JdbcRevocationStore.class.getName());
    private static final int ATTEMPTS = 8;
    /** Rows per round trip while loading every live revocation at start-up. */
    static final int LOAD_FETCH_SIZE = 10_000;
    /**
     * The keys of revocations, which a mirror holds ({@link RevocationMirror#mirrors}): all that is read for it. Rotation
     * generations (one per session that rotated) stay in the table.
     */
    private static final List<String> MIRRORED = RevocationMirror.PREFIXES.stream().map(prefix -> prefix + "%").toList();

    private final RevocationDatabase database;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration maxStaleness;
    private final Background background;

    private JdbcRevocationStore(DataSource dataSource, Clock clock, Duration pollInterval, Duration maxStaleness,
            Background background, BooleanSupplier inTransaction) {
        this.database = new RevocationDatabase(dataSource, background, inTransaction);
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.maxStaleness = maxStaleness;
        this.background = background;
    }

    /**
     * Opens the store, creating the table when it is absent.
     *
     * @param pollInterval how often the mirror reads what other instances wrote
     * @param maxStaleness how long the mirror's last read is trusted while the database cannot be read (beyond the
     *     polls it takes to notice)
     * @param background runs the polling, and the statements of callers inside a JTA transaction; closed with the feed
     * @param inTransaction whether the calling thread has a JTA transaction
     * @throws FreshJwtException when the database cannot be reached or the table cannot be created
     */
    static JdbcRevocationStore open(DataSource dataSource, Clock clock, Duration pollInterval, Duration maxStaleness,
            Background background, BooleanSupplier inTransaction) {
        JdbcRevocationStore store = new JdbcRevocationStore(dataSource, clock, pollInterval, maxStaleness, background,
                inTransaction);
        if (store.database.run("create the table " + RevocationTable.NAME, RevocationTable::createIfAbsent)) {
            LOG.info("freshjwt created the table " + RevocationTable.NAME);
        }
        return store;
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
        checkLength(key);
        database.run("store a revocation", connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = clock.millis();
                if (write(connection, RevocationTable.UPDATE, key, value, expiresAt, now) > 0) {
                    return null;
                }
                if (insert(connection, key, value, expiresAt, now)) {
                    return null;
                }
                // inserted by another instance in between: update it
            }
            throw contended(key);
        });
    }

    @Override
    public OptionalLong putIfAbsent(String key, long value, Instant expiresAt) {
        checkLength(key);
        return database.run("store an entry", connection -> {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = clock.millis();
                if (insert(connection, key, value, expiresAt, now)) {
                    return OptionalLong.empty();
                }
                StoredEntry current = select(connection, key);
                if (current != null && current.isLive(now / 1000)) {
                    return OptionalLong.of(current.value());
                }
                if (current != null && write(connection, RevocationTable.TAKE_OVER_EXPIRED, key, value, expiresAt, now,
                        now / 1000) > 0) {
                    return OptionalLong.empty();
                }
                // deleted, or taken over by another instance, in between: try again
            }
            throw contended(key);
        });
    }

    @Override
    public boolean replace(String key, long expected, long value, Instant expiresAt) {
        checkLength(key);
        return database.run("replace an entry", connection -> {
            long now = clock.millis();
            return write(connection, RevocationTable.REPLACE, key, value, expiresAt, now, expected, now / 1000) > 0;
        });
    }

    @Override
    public OptionalLong get(String key) {
        if (key.length() > RevocationTable.MAX_KEY_LENGTH) {
            return OptionalLong.empty(); // nothing can be stored under it
        }
        return database.run("read an entry", connection -> {
            StoredEntry entry = select(connection, key);
            return entry != null && entry.isLive(clock.instant().getEpochSecond())
                    ? OptionalLong.of(entry.value())
                    : OptionalLong.empty();
        });
    }

    /**
     * Loads every live revocation into {@code sink}, then keeps it current by polling on the background until the
     * returned handle is closed (which also closes the background).
     *
     * @throws FreshJwtException when the database cannot be read
     */
    @Override
    public JdbcPoller follow(Sink sink) {
        JdbcPoller poller = new JdbcPoller(this, sink, clock, pollInterval, maxStaleness, background);
        try {
            poller.load();
        } catch (RuntimeException e) {
            background.close();
            throw e;
        }
        poller.start();
        return poller;
    }

    /**
     * Hands every live revocation to {@code sink}, streaming: the rows come {@value #LOAD_FETCH_SIZE} at a time, never
     * the whole table at once (PostgreSQL's driver reads a whole result into memory unless the connection is in a
     * transaction and the statement has a fetch size; other drivers honour the fetch size as they can). Logs how many
     * it loaded and how long that took.
     */
    void readLive(Sink sink) {
        long start = System.nanoTime();
        long rows = database.run("be read", connection -> {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false); // a read-only transaction, so that the driver can use a cursor
            }
            try {
                long read = forward(connection, RevocationTable.LIVE, LOAD_FETCH_SIZE, sink, clock.instant().getEpochSecond());
                connection.commit();
                return read;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true); // the pooled connection goes back as it came
                }
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "freshjwt loaded " + rows + " revocations in " + millis + " ms");
    }

    /** Hands every live revocation written at or after {@code sinceMillis} (by its writer's clock) to {@code sink}. */
    void readWrittenSince(long sinceMillis, Sink sink) {
        database.run("be read", connection -> forward(connection, RevocationTable.WRITTEN_SINCE, 0, sink, sinceMillis,
                clock.instant().getEpochSecond()));
    }

    /** Deletes every expired row, in one statement. */
    int deleteExpired() {
        return database.run("delete expired entries", connection -> {
            try (PreparedStatement statement = RevocationDatabase.prepare(connection, RevocationTable.DELETE_EXPIRED)) {
                statement.setLong(1, clock.instant().getEpochSecond());
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs a query of {@link RevocationTable} with the leading parameters, then the patterns of {@link #MIRRORED}.
     *
     * @param fetchSize rows per round trip, {@code 0} for the driver's default
     * @return how many rows it handed on
     */
    private static long forward(Connection connection, String sql, int fetchSize, Sink sink, long... parameters)
            throws SQLException {
        long count = 0;
        try (PreparedStatement statement = RevocationDatabase.prepare(connection, sql)) {
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            for (int i = 0; i < MIRRORED.size(); i++) {
                statement.setString(parameters.length + i + 1, MIRRORED.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getString(1), rows.getLong(2), rows.getLong(3));
                    count++;
                }
            }
        }
        return count;
    }

    /** Runs {@code sql} ({@link RevocationTable#UPDATE} and its conditional forms) with the extra parameters after the key. */
    private static int write(Connection connection, String sql, String key, long value, Instant expiresAt, long now,
            long... conditions) throws SQLException {
        try (PreparedStatement statement = RevocationDatabase.prepare(connection, sql)) {
            statement.setLong(1, value);
            statement.setLong(2, expiresAt.getEpochSecond());
            statement.setLong(3, now);
            statement.setString(4, key);
            for (int i = 0; i < conditions.length; i++) {
                statement.setLong(5 + i, conditions[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** @return {@code false} when the key is taken */
    private static boolean insert(Connection connection, String key, long value, Instant expiresAt, long now)
            throws SQLException {
        try (PreparedStatement statement = RevocationDatabase.prepare(connection, RevocationTable.INSERT)) {
            statement.setString(1, key);
            statement.setLong(2, value);
            statement.setLong(3, expiresAt.getEpochSecond());
            statement.setLong(4, now);
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (RevocationTable.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static StoredEntry select(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = RevocationDatabase.prepare(connection, RevocationTable.SELECT)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new StoredEntry(row.getLong(1), row.getLong(2)) : null;
            }
        }
    }

    private static void checkLength(String key) {
        if (key.length() > RevocationTable.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("The revocation table holds keys of up to " + RevocationTable.MAX_KEY_LENGTH
                    + " characters, not " + key.length() + " (a subject that long cannot be revoked by subject)");
        }
    }

    private static FreshJwtException contended(String key) {
        return new FreshJwtException("The revocation entry " + key + " kept changing during " + ATTEMPTS + " attempts");
    }
}
