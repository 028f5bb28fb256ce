package dev.freshjwt.internal.revocation;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of the revocation store as this instance sees it, for the readiness check. Immutable.
 *
 * @param store the store's class
 * @param available whether tokens can be checked: {@code false} once this instance's copy of a shared store has gone
 *     unconfirmed for longer than {@code freshjwt.revocation.max-staleness} allows (tokens are refused then)
 * @param liveEntries the live entries this instance holds (its copy of a shared store), when known
 * @param lastConfirmedRead when this instance last read the shared store successfully (polling stores only)
 * @param trustedUntil until when the copy of that read is trusted, should no read succeed (polling stores only)
 */
public record RevocationHealth(String store, boolean available, OptionalLong liveEntries,
        Optional<Instant> lastConfirmedRead, Optional<Instant> trustedUntil) {
}
