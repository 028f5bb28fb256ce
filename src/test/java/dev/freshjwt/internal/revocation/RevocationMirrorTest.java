package dev.freshjwt.internal.revocation;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.RevocationStore;
import dev.freshjwt.unit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevocationMirrorTest {

    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @Test
    void checksReadTheMirrorNeverTheSharedStore() {
        SharedStore shared = new SharedStore();
        shared.delegate.put(Revocations.SESSION + "old", 1, START.plusSeconds(600));
        Revocations revocations = new Revocations(shared, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);

        assertEquals(REVOKED, revocations.check("t", "old", "alice", 0), "what the store held when the instance started");
        revocations.revokeToken("mine", START.plusSeconds(60), null); // a subject would be counted in the store
        assertEquals(REVOKED, revocations.check("mine", null, null, 0), "this instance's own revocation, at once");
        shared.elsewhere(Revocations.TOKEN + "theirs", 1, START.plusSeconds(60));
        assertEquals(REVOKED, revocations.check("theirs", null, null, 0), "another instance's, through the feed");
        assertEquals(NOT_REVOKED, revocations.check("other", "s", "bob", 0));
        assertEquals(0, shared.reads.get(), "no token check asked the shared store");
    }

    @Test
    void rotationGenerationsStayInTheStoreOnly() {
        SharedStore shared = new SharedStore();
        Revocations revocations = new Revocations(shared, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        revocations.rotate("s", 0, START.plusSeconds(600));
        shared.elsewhere(Revocations.GENERATION + "t", 5, START.plusSeconds(600));
        assertEquals(0, shared.mirror.size());
    }

    @Test
    void expiredEntriesAreNotRevocations() {
        RevocationMirror mirror = new RevocationMirror(clock);
        mirror.accept(Revocations.TOKEN + "a", 1, START.getEpochSecond() + 10);
        mirror.accept(Revocations.TOKEN + "gone", 1, START.getEpochSecond());
        assertEquals(OptionalLong.of(1), mirror.get(Revocations.TOKEN + "a"));
        assertEquals(OptionalLong.empty(), mirror.get(Revocations.TOKEN + "gone"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(OptionalLong.empty(), mirror.get(Revocations.TOKEN + "a"));
    }

    @Test
    void expiredEntriesAreSweptAsNewOnesArrive() {
        RevocationMirror mirror = new RevocationMirror(clock);
        for (int i = 0; i < 5000; i++) {
            mirror.accept(Revocations.TOKEN + "short" + i, 1, START.getEpochSecond() + 10);
            mirror.accept(Revocations.TOKEN + "long" + i, 1, START.getEpochSecond() + 3600);
        }
        assertEquals(10_000, mirror.liveEntries());
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 20_000; i++) {
            mirror.accept(Revocations.TOKEN + "later" + i, 1, START.getEpochSecond() + 3600);
        }
        assertEquals(25_000, mirror.liveEntries());
        assertEquals(25_000, mirror.size(), "the 5,000 expired entries are gone, not only hidden");
    }

    @Test
    void aLateEventOfAnOlderWriteDoesNotShortenARevocation() {
        RevocationMirror mirror = new RevocationMirror(clock);
        long later = START.getEpochSecond() + 100;
        mirror.accept(Revocations.SUBJECT + "alice", START.getEpochSecond(), later);
        mirror.accept(Revocations.SUBJECT + "alice", START.getEpochSecond() - 50, later - 50);
        assertEquals(OptionalLong.of(START.getEpochSecond()), mirror.get(Revocations.SUBJECT + "alice"));
    }

    @Test
    void aMirrorIsCurrentUntilItsLastConfirmationRunsOut() {
        RevocationMirror mirror = new RevocationMirror(clock);
        assertTrue(mirror.isCurrent(), "an event-driven feed never confirms: always current");
        assertEquals(Optional.empty(), mirror.confirmedAt());
        mirror.confirmed(START.toEpochMilli() - 200, START.toEpochMilli() + 1000);
        assertTrue(mirror.isCurrent());
        assertEquals(Optional.of(START.minusMillis(200)), mirror.confirmedAt());
        assertEquals(Optional.of(START.plusMillis(1000)), mirror.trustedUntil());
        clock.advance(Duration.ofMillis(1001));
        assertFalse(mirror.isCurrent());
    }

    @Test
    void aStaleMirrorMakesChecksUnknownNeverNotRevoked() {
        SharedStore shared = new SharedStore();
        Revocations revocations = new Revocations(shared, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        shared.mirror.confirmed(START.toEpochMilli(), START.toEpochMilli() + 1000);
        clock.advance(Duration.ofMillis(1001));
        assertEquals(Revocations.Status.UNKNOWN, revocations.check("t", null, null, 0));
        assertFalse(revocations.isAvailable());
        assertEquals(0, shared.reads.get(), "nor does it ask the shared store instead");
    }

    @Test
    void theLiveEntriesAreCounted() {
        RevocationMirror mirror = new RevocationMirror(clock);
        mirror.accept(Revocations.TOKEN + "a", 1, START.getEpochSecond() + 10);
        mirror.accept(Revocations.SESSION + "b", 1, START.getEpochSecond() + 20);
        assertEquals(2, mirror.liveEntries());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, mirror.liveEntries());
    }

    @Test
    void closingStopsFollowing() {
        SharedStore shared = new SharedStore();
        Revocations revocations = new Revocations(shared, clock, Duration.ZERO, Duration.ofDays(1), Duration.ZERO);
        revocations.close();
        assertTrue(shared.closed);
    }

    /** A shared store as the mirror sees it: an in-memory store whose writes "from elsewhere" arrive as feed events. */
    private final class SharedStore implements RevocationStore, RevocationFeed {

        final InMemoryRevocationStore delegate = new InMemoryRevocationStore(clock, 1000);
        final AtomicInteger reads = new AtomicInteger();
        final List<Sink> sinks = new ArrayList<>();
        RevocationMirror mirror;
        boolean closed;

        void elsewhere(String key, long value, Instant expiresAt) {
            delegate.put(key, value, expiresAt);
            sinks.forEach(sink -> sink.accept(key, value, expiresAt.getEpochSecond()));
        }

        @Override
        public AutoCloseable follow(Sink sink) {
            sinks.add(sink);
            mirror = (RevocationMirror) sink;
            delegate.entries().forEach((key, entry) -> sink.accept(key, entry.value(), entry.expiresAt()));
            return () -> closed = true;
        }

        @Override
        public void put(String key, long value, Instant expiresAt) {
            delegate.put(key, value, expiresAt);
        }

        @Override
        public OptionalLong putIfAbsent(String key, long value, Instant expiresAt) {
            return delegate.putIfAbsent(key, value, expiresAt);
        }

        @Override
        public boolean replace(String key, long expected, long value, Instant expiresAt) {
            return delegate.replace(key, expected, value, expiresAt);
        }

        @Override
        public OptionalLong get(String key) {
            reads.incrementAndGet();
            return delegate.get(key);
        }
    }
}
