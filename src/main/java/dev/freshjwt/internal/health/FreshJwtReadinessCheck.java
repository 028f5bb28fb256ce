package dev.freshjwt.internal.health;

import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.RevocationHealth;
import dev.freshjwt.internal.revocation.StoreKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@value #NAME}: DOWN exactly when this instance cannot check revocations (its copy of a shared
 * store has gone unconfirmed longer than {@code freshjwt.revocation.max-staleness} allows), since every token is then
 * refused with a 503 and a load balancer should send requests elsewhere. Its data say which store, how many live
 * entries this instance holds, how old its last confirmed read is and until when that read is trusted (polling stores),
 * and, in an application that issues tokens, the signing key's {@code kid} and algorithm. Never a subject, a token id
 * or key material.
 *
 * <p>There is no liveness check: restarting the server does not bring a database back.
 *
 * <p>No bean-defining annotation: {@link FreshJwtExtension} makes this class an application-scoped bean only where the
 * application sees MicroProfile Health; it implements {@link HealthCheck}, so elsewhere it cannot even load. It reads
 * the application's state from {@link ReadinessSource} (DOWN, {@code "starting": true}, until the application has
 * started).
 */
@Readiness
public class FreshJwtReadinessCheck implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "freshjwt";

    @Override
    public HealthCheckResponse call() {
        return ReadinessSource.current()
                .map(source -> response(source.revocations(), source.signingKey(), source.now()))
                .orElseGet(() -> new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN,
                        Optional.of(Map.of("starting", true))));
    }

    /** The check's outcome for that state of the revocation store and that signing key (none: the app only verifies). */
    static HealthCheckResponse response(RevocationHealth revocation, Optional<SigningKey> signingKey, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("revocation-store", StoreKind.of(revocation.store()));
        revocation.liveEntries().ifPresent(entries -> data.put("revocation-entries", entries));
        revocation.lastConfirmedRead().ifPresent(read -> data.put("revocation-last-read-age-ms",
                Math.max(0, Duration.between(read, now).toMillis())));
        revocation.trustedUntil().ifPresent(until -> data.put("revocation-trusted-until", until.toString()));
        signingKey.ifPresent(key -> {
            if (key.keyId() != null) {
                data.put("signing-key-id", key.keyId());
            }
            data.put("signing-key-algorithm", key.algorithm());
        });
        return new HealthCheckResponse(NAME, revocation.available() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
