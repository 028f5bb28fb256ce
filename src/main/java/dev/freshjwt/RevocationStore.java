package dev.freshjwt;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Where revocations are kept: a small key–value store whose entries expire. freshjwt keys it by token id,
 * session and subject; implementations only store.
 *
 * <p>freshjwt picks a store by itself: your own CDI bean implementing this interface if there is one; else a
 * JCache store when the server provides a JCache {@code CacheManager} (Payara does, backed by its Hazelcast
 * data grid, so revocations are shared by the whole cluster); else a bounded in-memory store, good for a
 * single instance. With {@code freshjwt.revocation.store=jdbc} it keeps them in a table of a database instead, where
 * they survive restarts and are shared by every instance using that database ({@link FreshJwtConfig#REVOCATION_DATASOURCE}).
 * To plug in your own (Redis, say), make it an {@code @ApplicationScoped} bean:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class RedisRevocationStore implements RevocationStore { ... }
 * }</pre>
 *
 * <p>Implementations must be thread-safe, and {@link #putIfAbsent} and {@link #replace} must be atomic across
 * every instance of the application: they are what detects a refresh token presented twice.
 *
 * <p>What a store holds grows with live sessions and revocations, not with requests: one entry per revoked token
 * (until it would have expired), per revoked session or subject, and, with refresh-token rotation, one per session
 * that has rotated (its generation). The request path of a custom store calls {@link #get} up to three times per
 * token; the built-in shared stores (JCache, JDBC) instead keep a local copy of the revocations.
 */
public interface RevocationStore {

    /**
     * Stores {@code value} under {@code key} until {@code expiresAt}, replacing any entry.
     *
     * @param key the entry's key (at most a few hundred characters)
     * @param value the value
     * @param expiresAt when the entry may be forgotten: the entry must be absent from then on
     */
    void put(String key, long value, Instant expiresAt);

    /**
     * Stores {@code value} under {@code key} until {@code expiresAt} unless a live entry is there. Atomic.
     *
     * @return empty when this call stored the value; else the value of the live entry that was already there
     */
    OptionalLong putIfAbsent(String key, long value, Instant expiresAt);

    /**
     * Replaces the value of the live entry under {@code key} with {@code value}, and its expiry with
     * {@code expiresAt}, only if its value is {@code expected}. Atomic (compare-and-set).
     *
     * @return whether this call replaced it; {@code false} when there is no live entry or its value differs
     */
    boolean replace(String key, long expected, long value, Instant expiresAt);

    /**
     * @return the value of the live entry under {@code key}, or empty when there is none or it has expired
     */
    OptionalLong get(String key);
}
