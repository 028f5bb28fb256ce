package dev.freshjwt.internal.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the revocation store's instruments report, read when the metrics are collected. Immutable.
 *
 * @param store {@code memory}, {@code jcache}, {@code jdbc} or {@code custom} (an application's own store)
 * @param entries the live entries this instance holds, when known
 * @param lastReadAge how long ago this instance last read the shared store successfully (polling stores only)
 */
public record StoreReading(String store, OptionalLong entries, Optional<Duration> lastReadAge) {
}
