package dev.freshjwt.internal.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The verification keys at an {@code http(s)} {@code mp.jwt.verify.publickey.location} — an OpenID provider's
 * {@code jwks_uri} — fetched when first needed, kept for {@link #CACHE_FOR}, and fetched again sooner when a token names a
 * {@code kid} they lack, so that the provider can rotate its keys. Fetches happen at most once per {@link #REFETCH_AFTER}
 * whatever tokens arrive, so forged {@code kid}s cannot make freshjwt hammer the provider. While the provider cannot be
 * reached, the keys fetched last stay in use (the operator is warned); before any fetch succeeded, no token verifies.
 * Thread-safe: one fetch at a time, the others wait for it.
 */
final class RemoteKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(RemoteKeys.class.getName());

    /** How long fetched keys are used before they are fetched again; Payara caches its keys as long. */
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    /** The least time between two fetches: for an unknown {@code kid}, and while the provider cannot be reached. */
    static final Duration REFETCH_AFTER = Duration.ofSeconds(10);

    /** A provider's key set is a few kilobytes; a longer answer is not read. */
    static final int MAX_BYTES = 512 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI location;
    private final Clock clock;
    private final HttpClient http;
    private volatile Fetched fetched = new Fetched(null, Instant.MIN, Instant.MIN, null);

    /**
     * The keys of the last successful fetch ({@code null} before one), when it was, when the last attempt was, and why
     * that one failed ({@code null} when it did not).
     */
    private record Fetched(List<JsonWebKey> keys, Instant at, Instant attemptedAt, IOException failure) {
    }

    RemoteKeys(URI location, Clock clock) {
        this.location = location;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        Instant now = clock.instant();
        Fetched current = fetched;
        if (current.keys == null || !now.isBefore(current.at.plus(CACHE_FOR))) {
            current = fetch(current, now);
        }
        Optional<JsonWebKey> key = current.keys == null ? Optional.empty() : VerificationKeys.select(current.keys, kid);
        if (key.isEmpty() && current.keys != null) {
            current = fetch(current, now); // perhaps the provider has rotated its keys
            key = VerificationKeys.select(current.keys, kid);
        }
        if (current.keys == null) {
            throw new UnresolvableKeyException("The keys at " + location + " could not be fetched", current.failure());
        }
        return key.orElseThrow(() -> new UnresolvableKeyException("The keys at " + location + " have none for kid " + kid))
                .getKey();
    }

    /**
     * Fetches the keys unless someone just did (or tried): then their outcome stands. A failed fetch keeps the keys
     * fetched before.
     */
    private synchronized Fetched fetch(Fetched seen, Instant now) {
        Fetched current = fetched;
        if (current != seen || now.isBefore(current.attemptedAt.plus(REFETCH_AFTER))) {
            return current;
        }
        try {
            current = new Fetched(download(), now, now, null);
        } catch (IOException e) {
            LOG.warning("freshjwt cannot fetch the keys at " + location + " (" + VerificationKeys.LOCATION + "): " + e
                    + (current.keys == null ? "; no token verifies until it can" : "; the keys fetched before stay in use"));
            current = new Fetched(current.keys, current.at, now, e);
        }
        fetched = current;
        return current;
    }

    private List<JsonWebKey> download() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(location).timeout(TIMEOUT).header("Accept", "application/json").GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("the answer is longer than " + MAX_BYTES + " bytes");
                }
                return VerificationKeys.parse(new String(bytes, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("no usable key (PEM, JWK or JWKS): " + e.getMessage(), e);
        }
    }
}
