package dev.freshjwt.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.freshjwt.TokenRefusal.Reason;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** OpenTelemetry only where the application sees its API and the container offers its bean; else nothing, quietly. */
class TelemetryLookupTest {

    private static final Supplier<StoreReading> STORE = () -> new StoreReading("memory", OptionalLong.of(0),
            Optional.empty());
    private final ClassLoader freshJwt = TelemetryLookup.class.getClassLoader();
    private final List<Class<?>> askedFor = new ArrayList<>();

    @Test
    void withoutAnOpenTelemetryBeanNothingIsRecorded() {
        Metrics metrics = TelemetryLookup.find(freshJwt, type -> {
            askedFor.add(type);
            return Optional.empty();
        }, STORE);
        assertSame(Metrics.NONE, metrics);
        assertEquals(List.of(OpenTelemetry.class), askedFor, "looked up by the API's own type");
    }

    @Test
    void whereTheApiIsNotVisibleTheContainerIsNotEvenAsked() {
        ClassLoader withoutOpenTelemetry = new ClassLoader(freshJwt) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.opentelemetry.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        Metrics metrics = TelemetryLookup.find(withoutOpenTelemetry, type -> {
            askedFor.add(type);
            return Optional.empty();
        }, STORE);
        assertSame(Metrics.NONE, metrics);
        assertEquals(List.of(), askedFor);
    }

    @Test
    void aContainerThatFailsToLookItUpLeavesTheApplicationWithoutMetrics() {
        Metrics metrics = TelemetryLookup.find(freshJwt, type -> {
            throw new IllegalStateException("ambiguous");
        }, STORE);
        assertSame(Metrics.NONE, metrics);
    }

    @Test
    void theContainersOpenTelemetryBeanRecords() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
            Metrics metrics = TelemetryLookup.find(freshJwt, type -> Optional.of(sdk), STORE);
            metrics.refusal(Reason.INVALID_TOKEN, 401);
            assertEquals(1, reader.collectAllMetrics().stream().filter(m -> m.getName().equals("freshjwt.refusals"))
                    .count());
        }
    }

    @Test
    void noMetricsAcceptEverythingAndRecordNothing() {
        Metrics.NONE.refusal(Reason.NOT_FRESH, 401);
        Metrics.NONE.revoked(Metrics.RevocationKind.TOKEN);
        Metrics.NONE.close();
        assertSame(Metrics.NONE, ApplicationMetrics.current(), "until the application has started");
    }
}
