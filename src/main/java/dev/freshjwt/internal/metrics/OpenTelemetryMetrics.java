package dev.freshjwt.internal.metrics;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * freshjwt's instruments on the server's {@link OpenTelemetry} (MicroProfile Telemetry's bean), under the
 * instrumentation scope {@value #SCOPE}. Names follow OpenTelemetry's semantic conventions (dotted lower case, no
 * {@code _total}, UCUM units in curly braces for counted things); every attribute has a handful of values at most:
 * never a subject, a token id or a session.
 *
 * <p>It names OpenTelemetry types, so it carries no bean-defining annotation and only {@link TelemetryLookup} loads
 * it, once the API is known to be visible. Recording never throws: the first failure is logged, every one is ignored.
 * Thread-safe.
 */
final class OpenTelemetryMetrics implements Metrics {

    static final String SCOPE = "dev.freshjwt";

    static final String REFUSALS = "freshjwt.refusals";
    static final String ISSUED = "freshjwt.issued.tokens";
    static final String REUSES = "freshjwt.refresh_token.reuses";
    static final String REVOCATIONS = "freshjwt.revocations";
    static final String STORE_ENTRIES = "freshjwt.revocation.store.entries";
    static final String STORE_READ_AGE = "freshjwt.revocation.store.read.age";

    static final AttributeKey<String> REASON = AttributeKey.stringKey("freshjwt.refusal.reason");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("freshjwt.token.type");
    static final AttributeKey<Boolean> FRESH = AttributeKey.booleanKey("freshjwt.token.fresh");
    static final AttributeKey<String> REVOCATION_KIND = AttributeKey.stringKey("freshjwt.revocation.kind");
    static final AttributeKey<String> STORE = AttributeKey.stringKey("freshjwt.revocation.store");

    private static final Logger LOG = Logger.getLogger(OpenTelemetryMetrics.class.getName());

    private final LongCounter refusals;
    private final LongCounter issued;
    private final LongCounter reuses;
    private final LongCounter revocations;
    private final AutoCloseable storeEntries;
    private final AutoCloseable storeReadAge;
    private final Map<Metrics.RevocationKind, Attributes> kinds = new EnumMap<>(Metrics.RevocationKind.class);
    private final Attributes freshAccess = Attributes.of(TOKEN_TYPE, "access", FRESH, true);
    private final Attributes staleAccess = Attributes.of(TOKEN_TYPE, "access", FRESH, false);
    private final Attributes refresh = Attributes.of(TOKEN_TYPE, "refresh");
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /**
     * @param openTelemetry the server's {@code io.opentelemetry.api.OpenTelemetry}
     * @param store what the store's instruments read at each collection
     */
    static Metrics create(Object openTelemetry, Supplier<StoreReading> store) {
        return new OpenTelemetryMetrics((OpenTelemetry) openTelemetry, store);
    }

    private OpenTelemetryMetrics(OpenTelemetry openTelemetry, Supplier<StoreReading> store) {
        MeterBuilder scope = openTelemetry.meterBuilder(SCOPE);
        String version = OpenTelemetryMetrics.class.getPackage().getImplementationVersion();
        Meter meter = (version == null ? scope : scope.setInstrumentationVersion(version)).build();
        refusals = meter.counterBuilder(REFUSALS).setUnit("{refusal}")
                .setDescription("Requests freshjwt refused, by reason and HTTP status").build();
        issued = meter.counterBuilder(ISSUED).setUnit("{token}")
                .setDescription("Tokens freshjwt minted, by type (and, for access tokens, freshness)").build();
        reuses = meter.counterBuilder(REUSES).setUnit("{reuse}")
                .setDescription("Rotated refresh tokens presented again; each revoked its session").build();
        revocations = meter.counterBuilder(REVOCATIONS).setUnit("{revocation}")
                .setDescription("Revocations recorded in the revocation store, by what they cover").build();
        for (Metrics.RevocationKind kind : Metrics.RevocationKind.values()) {
            kinds.put(kind, Attributes.of(REVOCATION_KIND, kind.name().toLowerCase(Locale.ROOT)));
        }
        storeEntries = meter.upDownCounterBuilder(STORE_ENTRIES).setUnit("{entry}")
                .setDescription("Live entries of the revocation store this instance holds")
                .buildWithCallback(measurement -> read(store).ifPresent(reading -> reading.entries()
                        .ifPresent(entries -> measurement.record(entries, Attributes.of(STORE, reading.store())))));
        storeReadAge = meter.gaugeBuilder(STORE_READ_AGE).setUnit("s")
                .setDescription("Time since this instance last read the shared revocation store successfully")
                .buildWithCallback(measurement -> read(store).ifPresent(reading -> reading.lastReadAge()
                        .ifPresent(age -> measurement.record(age.toNanos() / 1e9, Attributes.of(STORE, reading.store())))));
    }

    @Override
    public void refusal(TokenRefusal.Reason reason, int status) {
        try {
            refusals.add(1, Attributes.of(REASON, reason.name().toLowerCase(Locale.ROOT), STATUS, (long) status));
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    @Override
    public void issued(TokenType type, boolean fresh) {
        try {
            issued.add(1, type == TokenType.REFRESH ? refresh : fresh ? freshAccess : staleAccess);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    @Override
    public void refreshTokenReused() {
        try {
            reuses.add(1);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    @Override
    public void revoked(Metrics.RevocationKind kind) {
        try {
            revocations.add(1, kinds.get(kind));
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    /** Stops the store's instruments: a stopped application's callbacks must not outlive it in the server. */
    @Override
    public void close() {
        for (AutoCloseable instrument : new AutoCloseable[] {storeEntries, storeReadAge}) {
            try {
                instrument.close();
            } catch (Exception | LinkageError e) {
                failed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "OpenTelemetry metrics (scope " + SCOPE + ")";
    }

    private Optional<StoreReading> read(Supplier<StoreReading> store) {
        try {
            return Optional.ofNullable(store.get());
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return Optional.empty();
        }
    }

    private void failed(Throwable e) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "freshjwt could not record a metric; it goes on without (logged once)", e);
        }
    }
}
