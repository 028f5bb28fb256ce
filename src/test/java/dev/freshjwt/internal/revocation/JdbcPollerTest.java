package dev.freshjwt.internal.revocation;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.UNKNOWN;
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
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store as a feed: instances on one database see each other's revocations by polling, a restarted instance
 * loads them all, and an unreadable database is ridden out for the staleness allowed, then makes checks fail (closed). Polls run when the test says so.
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
            this(now, Duration.ZERO);
        }

        Instance(Instant now, Duration maxStaleness) {
            clock = new MutableClock(now);
            revocations = new Revocations(JdbcRevocationStore.open(database, clock, POLL, maxStaleness, background,
                    () -> false), clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
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

        assertEquals(REVOKED, a.revocations.check("t1", null, null, 0), "the writer at once");
        assertEquals(NOT_REVOKED, b.revocations.check("t1", null, null, 0), "the other one not before it polls");
        b.advance(POLL);
        b.poll();
        assertEquals(REVOKED, b.revocations.check("t1", null, null, 0));
        assertEquals(REVOKED, b.revocations.check("other", "s1", null, 0));
        assertEquals(REVOKED, b.revocations.check("other", null, "alice", START.getEpochSecond() - 1));
        assertEquals(NOT_REVOKED, b.revocations.check("other", null, "alice", START.getEpochSecond()), "issued in the same second");
        assertEquals(NOT_REVOKED, b.revocations.check("other", "s2", "bob", 0));
    }

    @Test
    void aRestartedInstanceLoadsEveryLiveRevocation() {
        Instance before = new Instance(START);
        before.revocations.revokeToken("t1", START.plusSeconds(600), null);
        before.revocations.revokeToken("gone", START.plusSeconds(5), null);
        before.revocations.close();

        Instance after = new Instance(START.plusSeconds(10));
        assertEquals(REVOKED, after.revocations.check("t1", null, null, 0));
        assertEquals(NOT_REVOKED, after.revocations.check("gone", null, null, 0));
    }

    @Test
    void onlyRevocationsAreReadForTheMirrorNotRotationGenerations() {
        Instance a = new Instance(START);
        Instance b = new Instance(START);
        assertEquals(Revocations.Use.FIRST, a.revocations.rotate("s", 0, START.plusSeconds(600)));
        a.revocations.revokeToken("t", START.plusSeconds(600), null);
        List<String> read = new ArrayList<>();
        JdbcRevocationStore.open(database, b.clock, POLL, Duration.ZERO, new ManualBackground(), () -> false)
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
        assertEquals(REVOKED, reader.revocations.check("late", null, null, 0));
    }

    @Test
    void anUnreadableDatabaseLeavesTheLastCopyTrustedForTheMaxStalenessThenEveryCheckIsUnknown() {
        Duration maxStaleness = Duration.ofMinutes(1);
        Instance instance = new Instance(START, maxStaleness);
        instance.revocations.revokeToken("r", START.plus(Duration.ofHours(1)), null);
        Duration trust = RevocationMirror.trust(POLL, maxStaleness);
        assertEquals(Duration.ofSeconds(65), trust, "five seconds to notice the outage, then the minute accepted");
        database.goDown();
        instance.advance(POLL);
        instance.poll();
        instance.advance(trust.minus(POLL));
        assertEquals(NOT_REVOKED, instance.revocations.check("t", null, null, 0), "the last copy, at its limit");
        assertEquals(REVOKED, instance.revocations.check("r", null, null, 0), "revoked before the outage");
        assertTrue(instance.revocations.isAvailable());

        instance.advance(Duration.ofMillis(1));
        assertEquals(UNKNOWN, instance.revocations.check("t", null, null, 0), "a check that cannot be made is no pass");
        assertEquals(UNKNOWN, instance.revocations.check("r", null, null, 0));
        assertFalse(instance.revocations.isAvailable());
        RevocationHealth down = instance.revocations.health();
        assertFalse(down.available());
        assertEquals(Optional.of(START), down.lastConfirmedRead());
        assertEquals(Optional.of(START.plus(trust)), down.trustedUntil());

        database.comeBack();
        instance.poll();
        assertEquals(NOT_REVOKED, instance.revocations.check("t", null, null, 0));
        assertEquals(REVOKED, instance.revocations.check("r", null, null, 0));
        RevocationHealth up = instance.revocations.health();
        assertTrue(up.available());
        assertEquals(Optional.of(START.plus(trust).plusMillis(1)), up.lastConfirmedRead());
        assertEquals(OptionalLong.of(1), up.liveEntries());
    }

    @Test
    void withoutStalenessTheCopyIsTrustedOnlyUntilTheOutageIsNoticed() {
        Instance instance = new Instance(START, Duration.ZERO);
        database.goDown();
        instance.advance(Duration.ofSeconds(5));
        instance.poll();
        assertEquals(NOT_REVOKED, instance.revocations.check("t", null, null, 0));
        instance.advance(Duration.ofMillis(1));
        assertEquals(UNKNOWN, instance.revocations.check("t", null, null, 0));
    }

    @Test
    void aRevocationTheDatabaseCannotRecordIsRefusedLoudly() {
        Instance instance = new Instance(START);
        database.goDown();
        RevocationUnavailableException refused = assertThrows(RevocationUnavailableException.class,
                () -> instance.revocations.revokeToken("t", START.plusSeconds(600), null));
        assertEquals(503, refused.getResponse().getStatus());
        assertEquals(NOT_REVOKED, instance.revocations.check("t", null, null, 0), "nothing is revoked that was not recorded");
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
    void anOutageIsNoticedWithinTenPollsAndAtLeastFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), RevocationMirror.slack(Duration.ofMillis(100)));
        assertEquals(Duration.ofSeconds(20), RevocationMirror.slack(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(320), RevocationMirror.trust(Duration.ofSeconds(2), Duration.ofMinutes(5)));
    }
}
