package dev.freshjwt.internal.metrics;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the application's {@link Metrics}: OpenTelemetry's only where the application sees the OpenTelemetry API and
 * the container offers an {@code io.opentelemetry.api.OpenTelemetry} bean (MicroProfile Telemetry's), else
 * {@link Metrics#NONE}. Nothing is bundled: the API is the server's. The type is looked up by name, and
 * {@link OpenTelemetryMetrics} loaded only then, so that no class a bean archive scan sees needs OpenTelemetry where
 * it is absent (a Jakarta EE 10 server without MicroProfile Telemetry 2).
 */
public final class TelemetryLookup {

    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    private static final Logger LOG = Logger.getLogger(TelemetryLookup.class.getName());

    private TelemetryLookup() {
    }

    /**
     * @param beans the application's
     * @param store what the revocation store's instruments read at each collection
     */
    public static Metrics find(BeanManager beans, Supplier<StoreReading> store) {
        return find(TelemetryLookup.class.getClassLoader(), type -> bean(beans, type), store);
    }

    /**
     * @param loader freshjwt's own class loader
     * @param beans the container's bean of a type, if it has exactly one
     */
    static Metrics find(ClassLoader loader, Function<Class<?>, Optional<Object>> beans, Supplier<StoreReading> store) {
        Class<?> api;
        try {
            api = Class.forName(OPEN_TELEMETRY, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("freshjwt records no metrics: the application does not see the OpenTelemetry API"
                    + " (the server offers no MicroProfile Telemetry)");
            return Metrics.NONE;
        }
        try {
            Optional<Object> openTelemetry = beans.apply(api);
            if (openTelemetry.isEmpty()) {
                LOG.info("freshjwt records no metrics: the server offers no " + OPEN_TELEMETRY + " bean");
                return Metrics.NONE;
            }
            Metrics metrics = OpenTelemetryMetrics.create(openTelemetry.get(), store);
            LOG.info("freshjwt records its metrics with the server's OpenTelemetry (instrumentation scope "
                    + OpenTelemetryMetrics.SCOPE + "), which exports them where its MicroProfile Telemetry is configured"
                    + " to (nowhere while otel.sdk.disabled is true, its default)");
            return metrics;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "freshjwt records no metrics: the server's OpenTelemetry could not be used", e);
            return Metrics.NONE;
        }
    }

    private static Optional<Object> bean(BeanManager beans, Class<?> type) {
        Set<Bean<?>> candidates = beans.getBeans(type);
        Bean<?> bean = candidates.isEmpty() ? null : beans.resolve(candidates);
        return bean == null ? Optional.empty()
                : Optional.of(beans.getReference(bean, type, beans.createCreationalContext(bean)));
    }
}
