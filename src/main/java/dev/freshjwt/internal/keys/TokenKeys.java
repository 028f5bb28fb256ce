package dev.freshjwt.internal.keys;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * The keys that verify the tokens of {@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey}, as a
 * jose4j consumer takes them: a local PEM key whatever {@code kid} a token names (as the servers do), a local JWK or JWKS
 * by the token's {@code kid}, or the keys at an {@code http(s)} location, fetched when needed ({@link RemoteKeys}).
 * For where freshjwt verifies tokens itself: bearer tokens on Open Liberty with cookies on, and logout tokens.
 */
@FunctionalInterface
public interface TokenKeys {

    /** Makes {@code builder} verify signatures with these keys. */
    void applyTo(JwtConsumerBuilder builder);

    /**
     * Reads local keys now; remote keys only when a token needs them, so a provider that is down does not stop the
     * deployment.
     *
     * @throws InvalidConfigurationException naming the key when neither or both are set, or a local key cannot be read
     */
    static TokenKeys load(Config config, ClassLoader loader, Clock clock) {
        if (VerificationKeys.fetched(config)) {
            String location = ConfigValues.text(config, VerificationKeys.LOCATION).orElseThrow();
            RemoteKeys remote;
            try {
                remote = new RemoteKeys(URI.create(location), clock);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(VerificationKeys.LOCATION + "=" + location + " is no URL: "
                        + e.getMessage(), e);
            }
            return builder -> builder.setVerificationKeyResolver(remote);
        }
        return local(VerificationKeys.load(config, loader));
    }

    /** Verification by local keys: a key without {@code kid} (PEM) whatever the token names, else the token's {@code kid}. */
    static TokenKeys local(List<JsonWebKey> jwks) {
        if (jwks.size() == 1 && jwks.get(0).getKeyId() == null) {
            return builder -> builder.setVerificationKey(jwks.get(0).getKey());
        }
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(jwks);
        return builder -> builder.setVerificationKeyResolver(resolver);
    }

}
