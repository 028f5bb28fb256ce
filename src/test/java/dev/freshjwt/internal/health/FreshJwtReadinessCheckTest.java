package dev.freshjwt.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.JCacheRevocationStore;
import dev.freshjwt.internal.revocation.RevocationHealth;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class FreshJwtReadinessCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    /** The JDBC store's class (package-private; StoreKindTest holds its short name). */
    private static final String JDBC = "dev.freshjwt.internal.revocation.JdbcRevocationStore";
    private static final SigningKey KEY = new SigningKey(null, null, "key-2026", "ES256");

    @Test
    void anInMemoryStoreIsUpWithItsEntriesAndNoSigningKeyWhereTheAppOnlyVerifies() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                InMemoryRevocationStore.class.getName(), true, OptionalLong.of(3), Optional.empty(), Optional.empty()),
                Optional.empty(), NOW);
        assertEquals("freshjwt", response.getName());
        assertEquals(Status.UP, response.getStatus());
        assertEquals(Map.of("revocation-store", "memory", "revocation-entries", 3L), response.getData().orElseThrow());
    }

    @Test
    void theJdbcStoreReportsTheAgeOfItsLastReadAndUntilWhenItIsTrusted() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                JDBC, true, OptionalLong.of(12), Optional.of(NOW.minusMillis(1500)),
                Optional.of(NOW.plusSeconds(300))), Optional.of(KEY), NOW);
        assertEquals(Status.UP, response.getStatus());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("revocation-store", "jdbc");
        expected.put("revocation-entries", 12L);
        expected.put("revocation-last-read-age-ms", 1500L);
        expected.put("revocation-trusted-until", "2026-12-05T12:05:00Z");
        expected.put("signing-key-id", "key-2026");
        expected.put("signing-key-algorithm", "ES256");
        assertEquals(expected, response.getData().orElseThrow());
    }

    @Test
    void aStoreThatCannotBeTrustedAnyMoreIsDownAndSaysSinceWhen() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                JDBC, false, OptionalLong.of(12), Optional.of(NOW.minusSeconds(400)),
                Optional.of(NOW.minusSeconds(40))), Optional.of(KEY), NOW);
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals(400_000L, response.getData().orElseThrow().get("revocation-last-read-age-ms"));
        assertEquals("2026-12-05T11:59:20Z", response.getData().orElseThrow().get("revocation-trusted-until"));
    }

    @Test
    void aJCacheStoreIsUpWithItsEntriesAndNoLastRead() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                JCacheRevocationStore.class.getName(), true, OptionalLong.of(5), Optional.empty(), Optional.empty()),
                Optional.empty(), NOW);
        assertEquals(Status.UP, response.getStatus());
        assertEquals(Map.of("revocation-store", "jcache", "revocation-entries", 5L), response.getData().orElseThrow());
    }

    @Test
    void anApplicationsOwnStoreIsNamedByItsClassWithoutEntriesItCannotCount() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                "com.example.RedisRevocations", true, OptionalLong.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), NOW);
        assertEquals(Status.UP, response.getStatus());
        assertEquals(Map.of("revocation-store", "com.example.RedisRevocations"), response.getData().orElseThrow());
    }

    @Test
    void aReadStampedAfterNowByAnotherClockIsNoNegativeAge() {
        HealthCheckResponse response = FreshJwtReadinessCheck.response(new RevocationHealth(
                JDBC, true, OptionalLong.of(0), Optional.of(NOW.plusMillis(20)),
                Optional.of(NOW.plusSeconds(300))), Optional.empty(), NOW);
        assertEquals(0L, response.getData().orElseThrow().get("revocation-last-read-age-ms"));
        assertFalse(response.getData().orElseThrow().containsKey("signing-key-id"));
    }
}
