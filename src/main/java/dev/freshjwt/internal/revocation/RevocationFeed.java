package dev.freshjwt.internal.revocation;

/**
 * A shared store that can keep a local {@link RevocationMirror} current, so that checking a token never leaves the
 * instance: it lists its live entries once, then reports every entry written by any instance.
 */
interface RevocationFeed {

    /** Receives entries: the key, its value and the epoch second from which it is gone. */
    @FunctionalInterface
    interface Sink {
        void accept(String key, long value, long expiresAt);

        /**
         * Told by a polling feed after each successful read, which began at {@code readStartMillis}: what the sink holds
         * may be trusted until {@code trustedUntilMillis} (epoch milliseconds) should no further read succeed.
         * Event-driven feeds never call it.
         */
        default void confirmed(long readStartMillis, long trustedUntilMillis) {
        }
    }

    /**
     * Hands every live entry to {@code sink}, then keeps handing it every entry written from now on, by this instance
     * or another, until the returned handle is closed.
     *
     * @throws RuntimeException when the store cannot be read: the application must not start without its revocations
     */
    AutoCloseable follow(Sink sink);
}
