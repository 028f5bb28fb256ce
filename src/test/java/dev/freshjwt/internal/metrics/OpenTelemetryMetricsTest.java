package dev.freshjwt.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenRefusal.Reason;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.metrics.Metrics.RevocationKind;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an operator's dashboard receives: the names, units, attributes and values of freshjwt's instruments. */
class OpenTelemetryMetricsTest {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build();
    private StoreReading store = new StoreReading("memory", OptionalLong.of(3), Optional.empty());
    private final Metrics metrics = OpenTelemetryMetrics.create(sdk, () -> store);

    @AfterEach
    void shutDown() {
        sdk.close();
    }

    @Test
    void refusalsAreCountedByLowerCaseReasonAndHttpStatus() {
        metrics.refusal(Reason.NOT_FRESH, 401);
        metrics.refusal(Reason.NOT_FRESH, 401);
        metrics.refusal(Reason.CSRF_FAILED, 403);
        MetricData refusals = metric("freshjwt.refusals");
        assertEquals("{refusal}", refusals.getUnit());
        assertEquals(MetricDataType.LONG_SUM, refusals.getType());
        assertTrue(refusals.getLongSumData().isMonotonic());
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.REASON, "not_fresh", OpenTelemetryMetrics.STATUS, 401L), 2L,
                Attributes.of(OpenTelemetryMetrics.REASON, "csrf_failed", OpenTelemetryMetrics.STATUS, 403L), 1L),
                values(refusals));
    }

    @Test
    void issuedTokensAreCountedByTypeAndAccessTokensByFreshness() {
        metrics.issued(TokenType.ACCESS, true);
        metrics.issued(TokenType.REFRESH, false);
        metrics.issued(TokenType.ACCESS, false);
        metrics.issued(TokenType.ACCESS, false);
        MetricData issued = metric("freshjwt.issued.tokens");
        assertEquals("{token}", issued.getUnit());
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.TOKEN_TYPE, "access", OpenTelemetryMetrics.FRESH, true), 1L,
                Attributes.of(OpenTelemetryMetrics.TOKEN_TYPE, "access", OpenTelemetryMetrics.FRESH, false), 2L,
                Attributes.of(OpenTelemetryMetrics.TOKEN_TYPE, "refresh"), 1L), values(issued));
    }

    @Test
    void reusesAndRevocationsAreCountedWithBoundedAttributesOnly() {
        metrics.refreshTokenReused();
        metrics.revoked(RevocationKind.SESSION);
        metrics.revoked(RevocationKind.TOKEN);
        metrics.revoked(RevocationKind.TOKEN);
        metrics.revoked(RevocationKind.SUBJECT);
        MetricData reuses = metric("freshjwt.refresh_token.reuses");
        assertEquals("{reuse}", reuses.getUnit());
        assertEquals(Map.of(Attributes.empty(), 1L), values(reuses));
        MetricData revocations = metric("freshjwt.revocations");
        assertEquals("{revocation}", revocations.getUnit());
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.REVOCATION_KIND, "token"), 2L,
                Attributes.of(OpenTelemetryMetrics.REVOCATION_KIND, "session"), 1L,
                Attributes.of(OpenTelemetryMetrics.REVOCATION_KIND, "subject"), 1L), values(revocations));
    }

    @Test
    void theStoresLiveEntriesAndTheAgeOfItsLastReadAreReadAtEachCollection() {
        store = new StoreReading("jdbc", OptionalLong.of(42), Optional.of(Duration.ofMillis(1500)));
        Collection<MetricData> collected = reader.collectAllMetrics();
        MetricData entries = metric(collected, "freshjwt.revocation.store.entries");
        assertEquals("{entry}", entries.getUnit());
        assertEquals(MetricDataType.LONG_SUM, entries.getType());
        assertFalse(entries.getLongSumData().isMonotonic(), "a count that goes down as entries expire");
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.STORE, "jdbc"), 42L), values(entries));
        MetricData age = metric(collected, "freshjwt.revocation.store.read.age");
        assertEquals("s", age.getUnit());
        assertEquals(MetricDataType.DOUBLE_GAUGE, age.getType());
        DoublePointData point = age.getDoubleGaugeData().getPoints().iterator().next();
        assertEquals(Attributes.of(OpenTelemetryMetrics.STORE, "jdbc"), point.getAttributes());
        assertEquals(1.5, point.getValue(), 1e-9);

        store = new StoreReading("jdbc", OptionalLong.of(40), Optional.of(Duration.ofMillis(250)));
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.STORE, "jdbc"), 40L), values(metric("freshjwt.revocation.store.entries")));
    }

    @Test
    void aStoreThatIsNotReadHasNoReadAge() {
        Collection<MetricData> collected = reader.collectAllMetrics();
        assertEquals(Map.of(Attributes.of(OpenTelemetryMetrics.STORE, "memory"), 3L),
                values(metric(collected, "freshjwt.revocation.store.entries")));
        assertTrue(collected.stream().noneMatch(m -> m.getName().equals("freshjwt.revocation.store.read.age")),
                collected::toString);
    }

    @Test
    void aStoreThatCannotBeReadReportsNothingAndThrowsNothing() {
        Supplier<StoreReading> broken = () -> {
            throw new IllegalStateException("gone");
        };
        InMemoryMetricReader other = InMemoryMetricReader.create();
        try (OpenTelemetrySdk otherSdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(other).build()).build()) {
            OpenTelemetryMetrics.create(otherSdk, broken);
            Collection<MetricData> collected = assertDoesNotThrow(other::collectAllMetrics);
            assertTrue(collected.stream().noneMatch(m -> m.getName().startsWith("freshjwt.revocation.store")),
                    collected::toString);
        }
    }

    @Test
    void closedMetricsNoLongerObserveTheStore() {
        metrics.close();
        assertTrue(reader.collectAllMetrics().stream().noneMatch(m -> m.getName().startsWith("freshjwt.revocation.store")));
    }

    @Test
    void everyInstrumentIsInFreshJwtsInstrumentationScope() {
        metrics.refusal(Reason.MISSING_TOKEN, 401);
        for (MetricData data : reader.collectAllMetrics()) {
            assertEquals("dev.freshjwt", data.getInstrumentationScopeInfo().getName(), data::toString);
            assertTrue(data.getName().startsWith("freshjwt."), data::getName);
            assertFalse(data.getName().endsWith("_total"), data::getName);
            assertFalse(data.getDescription().isEmpty(), data::getName);
        }
    }

    private MetricData metric(String name) {
        return metric(reader.collectAllMetrics(), name);
    }

    private static MetricData metric(Collection<MetricData> collected, String name) {
        return collected.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + collected));
    }

    private static Map<Attributes, Long> values(MetricData sum) {
        return sum.getLongSumData().getPoints().stream()
                .collect(Collectors.toMap(LongPointData::getAttributes, LongPointData::getValue));
    }
}
