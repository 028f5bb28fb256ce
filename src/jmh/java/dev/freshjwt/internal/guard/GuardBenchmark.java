package dev.freshjwt.internal.guard;

import dev.freshjwt.FreshRequired;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.unit.MapJsonWebToken;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request work of {@code @FreshRequired}: reading and normalising the claims of a verified token (as
 * Payara hands them out: {@code JsonValue.TRUE}, {@code Long}, {@code JsonString}), the rule, the revocation
 * lookups, and the interceptor's metadata lookup; against a no-op baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GuardBenchmark {

    private TokenGuard guard;
    private MapJsonWebToken token;
    private final Requirement fresh = Requirement.fresh(300);
    private final RequirementCache cache = new RequirementCache();
    private Method method;

    @Setup
    public void setUp() throws NoSuchMethodException {
        Clock clock = Clock.systemUTC();
        guard = new TokenGuard(new FreshnessRule(Duration.ofSeconds(60)), clock, new Revocations(
                new InMemoryRevocationStore(clock, 100_000), clock, Duration.ZERO, Duration.ofDays(31), Duration.ofSeconds(60)));
        long now = Instant.now().getEpochSecond();
        token = new MapJsonWebToken("header.payload.signature", Map.of("sub", Json.createValue("alice"),
                "jti", Json.createValue("4b1d0ac2-1f39-4a8c-9a57-3c2f1e0b7d11"), "sid", Json.createValue("s-1"),
                "iat", now, "auth_time", now, "type", Json.createValue("access"), "fresh", JsonValue.TRUE,
                "groups", Set.of("user")));
        method = Target.class.getMethod("sensitive");
    }

    /** A method as an application would annotate it. */
    public static class Target {
        @FreshRequired(maxAge = 300)
        public void sensitive() {
        }
    }

    @Benchmark
    public Object baseline() {
        return token;
    }

    /** What the JAX-RS filter does per request (its requirement was resolved at deployment). */
    @Benchmark
    public Optional<Rejection> filterCheck() {
        return guard.check(fresh, token, Rejection.isBearer("Bearer header.payload.signature"), null);
    }

    /** What the interceptor does per call: the cached requirement lookup, then the check. */
    @Benchmark
    public Optional<Rejection> interceptorCheck() {
        return guard.check(cache.of(Target.class, method), token, false, null);
    }
}
