package dev.freshjwt.internal.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The revocation lookup of every request ({@code Revocations.check}: token, session and subject) on the
 * in-memory store and on a local JCache store (Ehcache as the provider), for a revoked token (hit) and a
 * valid one (miss, all three lookups).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationBenchmark {

    @Param({"memory", "jcache"})
    public String store;

    private Revocations revocations;
    private CacheManager manager;
    private long issuedAt;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        Duration retention = Duration.ofDays(31);
        if ("jcache".equals(store)) {
            manager = Caching.getCachingProvider().getCacheManager();
            revocations = new Revocations(new JCacheRevocationStore(manager, retention, clock), clock, Duration.ZERO,
                    retention, Duration.ofSeconds(60));
        } else {
            revocations = new Revocations(new InMemoryRevocationStore(clock, 1_000_000), clock, Duration.ZERO, retention,
                    Duration.ofSeconds(60));
        }
        for (int i = 0; i < 10_000; i++) {
            revocations.revokeToken("revoked-" + i, Instant.now().plusSeconds(900), null);
        }
        issuedAt = Instant.now().getEpochSecond();
    }

    @TearDown
    public void tearDown() {
        if (manager != null) {
            manager.close();
        }
    }

    @Benchmark
    public Revocations.Status hit() {
        return revocations.check("revoked-4242", "session-1", "alice", issuedAt);
    }

    @Benchmark
    public Revocations.Status miss() {
        return revocations.check("valid-4242", "session-1", "alice", issuedAt);
    }
}
