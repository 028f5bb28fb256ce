package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.RevocationUnavailableException;
import dev.freshjwt.unit.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store as a feed: instances on one database see each other's revocations by polling, a restarted instance
 * loads them all, and an unreadable database makes checks fail (closed). Polls run when the test says so.
 */
class JdbcPollerTest {

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration POLL = Duration.ofMillis(500);
    private final H2Database database = new H2Database();

    @AfterEach
    void shutDown() throws SQLException {
        database.close();
    }

    /** One application instance: its clock, store, background and revocations. */
    private final class Instance {
        final MutableClock clock;
        final ManualBackground background = new ManualBackground();
        final Revocations revocations;

        Instance(Instant now) {
            clock = new MutableClock(now);
            revocations = new Revocations(JdbcRevocationStore.open(database, clock, POLL, background, () -> false),
                    clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        }

        void poll() {
            background.runPeriodicTasks();
        }

        void advance(Duration duration) {
            clock.advance(duration);
        }
    }

    @Test
    void instancesOnOneDatabaseSeeEachOthersRevocationsAtTheirNextPoll() {
        Instance a = new Instance(START);
        Instance b = new Instance(START);
        a.revocations.revokeToken("t1", START.plusSeconds(600), null);
        a.revocations.revokeSession("s1", null);
        a.revocations.revokeSubject("alice");

        assertTrue(a.revocations.isRevoked("t1", null, null, 0), "the writer at once");
        assertFalse(b.revocations.isRevoked("t1", null, null, 0), "the other one not before it polls");
        b.advance(POLL);
        b.poll();
        assertTrue(b.revocations.isRevoked("t1", null, null, 0));
        assertTrue(b.revocations.isRevoked("other", "s1", null, 0));
        assertTrue(b.revocations.isRevoked("other", null, "alice", START.getEpochSecond() - 1));
        assertFalse(b.revocations.isRevoked("other", null, "alice", START.getEpochSecond()), "issued in the same second");
        assertFalse(b.revocations.isRevoked("other", "s2", "bob", 0));
    }

    @Test
    void aRestartedInstanceLoadsEveryLiveRevocation() {
        Instance before = new Instance(START);
        before.revocations.revokeToken("t1", START.plusSeconds(600), null);
        before.revocations.revokeToken("gone", START.plusSeconds(5), null);
        before.revocations.close();

        Instance after = new Instance(START.plusSeconds(10));
        assertTrue(after.revocations.isRevoked("t1", null, null, 0));
        assertFalse(after.revocations.isRevoked("gone", null, null, 0));
    }

    @Test
    void onlyRevocationsAreReadForTheMirrorNotRotationGenerations() {
        Instance a = new Instance(START);
        Instance b = new Instance(START);
        assertEquals(Revocations.Use.FIRST, a.revocations.rotate("s", 0, START.plusSeconds(600)));
        a.revocations.revokeToken("t", START.plusSeconds(600), null);
        List<String> read = new ArrayList<>();
        JdbcRevocationStore.open(database, b.clock, POLL, new ManualBackground(), () -> false)
                .follow((key, value, expiresAt) -> read.add(key)).poll();
        assertEquals(List.of(Revocations.TOKEN + "t", Revocations.TOKEN + "t"), read, "loaded, then polled");
        assertEquals(Revocations.Use.REUSED, b.revocations.rotate("s", 0, START.plusSeconds(600)),
                "yet the generation is shared: the second use, on another instance, is reuse");
    }

    @Test
    void aWriterWhoseClockLagsIsStillSeenWithinTheOverlap() {
        Instance reader = new Instance(START);
        Instance lagging = new Instance(START.minus(JdbcPoller.OVERLAP).plusSeconds(1));
        reader.advance(POLL);
        reader.poll(); // the next read starts from here, by the reader's clock
        lagging.revocations.revokeToken("late", START.plusSeconds(600), null);
        reader.advance(POLL);
        reader.poll();
        assertTrue(reader.revocations.isRevoked("late", null, null, 0));
    }

    @Test
    void aDatabaseThatCannotBeReadMakesEveryCheckFailOnceTheMirrorIsStale() {
        Instance instance = new Instance(START);
        Duration staleness = JdbcPoller.staleness(POLL);
        assertEquals(Duration.ofSeconds(5), staleness);
        database.goDown();
        instance.advance(POLL);
        instance.poll();
        assertFalse(instance.revocations.isRevoked("t", null, null, 0), "still within the staleness limit");
        instance.advance(staleness);
        instance.poll();
        assertTrue(instance.revocations.isRevoked("t", null, null, 0),
                "a check that cannot be made is a refusal, never a pass");

        database.comeBack();
        instance.poll();
        assertFalse(instance.revocations.isRevoked("t", null, null, 0));
    }

    @Test
    void aRevocationTheDatabaseCannotRecordIsRefusedLoudly() {
        Instance instance = new Instance(START);
        database.goDown();
        RevocationUnavailableException refused = assertThrows(RevocationUnavailableException.class,
                () -> instance.revocations.revokeToken("t", START.plusSeconds(600), null));
        assertEquals(503, refused.getResponse().getStatus());
        assertFalse(instance.revocations.isRevoked("t", null, null, 0), "nothing is revoked that was not recorded");
    }

    @Test
    void expiredRowsAreDeletedByThePeriodicCleanup() throws SQLException {
        Instance instance = new Instance(START);
        instance.revocations.revokeToken("short", START.plusSeconds(10), null);
        instance.revocations.revokeToken("long", START.plusSeconds(100), null);
        instance.advance(Duration.ofSeconds(10));
        instance.poll();
        assertEquals(1, database.rows());
    }

    @Test
    void closingStopsPollingAndTheBackground() {
        Instance instance = new Instance(START);
        assertEquals(2, instance.background.periodicTasks(), "a poll and a cleanup");
        instance.revocations.close();
        assertEquals(0, instance.background.periodicTasks());
        assertTrue(instance.background.isClosed());
    }

    @Test
    void stalenessIsTenPollsAndAtLeastFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), JdbcPoller.staleness(Duration.ofMillis(100)));
        assertEquals(Duration.ofSeconds(20), JdbcPoller.staleness(Duration.ofSeconds(2)));
    }
}
