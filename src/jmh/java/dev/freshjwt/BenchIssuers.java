package dev.freshjwt;

import dev.freshjwt.internal.cdi.FreshJwtExtension.IssuerConfiguration;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds a {@link TokenIssuer} outside a container, as the benchmarks need it. */
public final class BenchIssuers {

    public static final String ISSUER = "https://bench.freshjwt.dev";

    private BenchIssuers() {
    }

    public static IssuerSettings settings() {
        return new IssuerSettings(ISSUER, List.of(), Duration.ofMinutes(15), Duration.ofDays(30), "unused",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(60), false, false);
    }

    public static TokenIssuer issuer(KeyPair keys, String algorithm) {
        Clock clock = Clock.systemUTC();
        Revocations revocations = new Revocations(new InMemoryRevocationStore(clock, 1_000_000), clock, Duration.ZERO,
                Duration.ofDays(31), Duration.ofSeconds(60));
        return new TokenIssuer(new IssuerConfiguration(settings(),
                new SigningKey(keys.getPrivate(), keys.getPublic(), "bench-key", algorithm)), clock, revocations);
    }
}
