package dev.freshjwt.internal.metrics;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;

/**
 * What freshjwt counts, as the rest of the library reports it. Implementations never throw: a metric that cannot be
 * recorded is lost, the request goes on. Thread-safe. The application's instance is {@link ApplicationMetrics#current()}.
 */
public interface Metrics extends AutoCloseable {

    /** Records nothing: where the server offers no OpenTelemetry, and until the application has started. */
    Metrics NONE = new Metrics() {
        @Override
        public String toString() {
            return "no metrics";
        }
    };

    /** A request was refused, with that reason and HTTP status. */
    default void refusal(TokenRefusal.Reason reason, int status) {
    }

    /** A token was minted; {@code fresh} only means something for an access token. */
    default void issued(TokenType type, boolean fresh) {
    }

    /** A rotated refresh token was presented again (and its session revoked). */
    default void refreshTokenReused() {
    }

    /** A revocation was recorded in the store. */
    default void revoked(RevocationKind kind) {
    }

    /** Stops observing the revocation store (the application stops). */
    @Override
    default void close() {
    }

    /** What a revocation covers: a bounded attribute value. */
    enum RevocationKind {
        /** One token (a logout). */
        TOKEN,
        /** Every token of a session (a session logout, a reused refresh token). */
        SESSION,
        /** Every token of a subject issued so far (logout everywhere, or a subject past its quota). */
        SUBJECT
    }
}
