package dev.freshjwt.internal.health;

import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.cdi.FreshJwtExtension.IssuerConfiguration;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.RevocationHealth;
import dev.freshjwt.internal.revocation.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link FreshJwtReadinessCheck} reports on, found with {@link #current()} once the application has started. The
 * check cannot inject it: it is a type {@link FreshJwtExtension} adds, which Payara puts in a bean archive of its own
 * that does not see the library's beans. This class names nothing of MicroProfile Health, so it is a bean everywhere.
 */
@ApplicationScoped
public class ReadinessSource {

    private static volatile ReadinessSource current;

    private final Revocations revocations;
    private final FreshJwtExtension extension;
    private final Clock clock;

    /** For the container's client proxy. */
    protected ReadinessSource() {
        this.revocations = null;
        this.extension = null;
        this.clock = null;
    }

    @Inject
    ReadinessSource(Revocations revocations, FreshJwtExtension extension, Instance<Clock> clock) {
        this.revocations = revocations;
        this.extension = extension;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current = this;
    }

    /** This application's source, once it has started. */
    static Optional<ReadinessSource> current() {
        return Optional.ofNullable(current);
    }

    RevocationHealth revocations() {
        return revocations.health();
    }

    /** The key tokens are signed with, in an application that issues them. */
    Optional<SigningKey> signingKey() {
        return extension.loadedIssuerConfiguration().map(IssuerConfiguration::key);
    }

    Instant now() {
        return clock.instant();
    }
}
