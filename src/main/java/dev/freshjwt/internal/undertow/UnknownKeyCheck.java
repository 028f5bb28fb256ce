package dev.freshjwt.internal.undertow;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.keys.VerificationKeys;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Decides which bearer tokens WildFly has no verification key for, so that they get freshjwt's 401 instead of
 * WildFly's 500 ({@link UndertowExtension} corrects the answer).
 *
 * <p>WildFly's MicroProfile JWT (SmallRye JWT 4.3, {@code JWTHttpAuthenticationMechanism}) picks the key for a token from
 * a local JWKS ({@code mp.jwt.verify.publickey.location} as a {@code file:} URL or classpath resource, or
 * {@code mp.jwt.verify.publickey}) by the token's {@code kid}. When no key has it (a key removed by a rotation, a
 * made-up {@code kid}, no {@code kid} beside several keys), it cannot tell that from an unreadable key and answers with
 * {@code sendError(500)}, logged only at DEBUG ({@code SRJWT11003}); smallrye-jwt#437 made that a 401 only for a JWKS
 * fetched over HTTP(S). A {@code kid} that is not a string escapes it as an exception: also a 500. Yet such a token is
 * simply one the server cannot verify, which every server refuses with a 401. A PEM key (or a set of one key without
 * {@code kid}) verifies whatever {@code kid} a token names: nothing to decide then. Thread-safe.
 */
final class UnknownKeyCheck {

    private static final Logger LOG = Logger.getLogger(UnknownKeyCheck.class.getName());
    private static final String SCHEME = "Bearer ";

    private final List<JsonWebKey> keys;

    UnknownKeyCheck(List<JsonWebKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * @return empty where the server finds a key for every token (one key without {@code kid}), fetches its keys over
     *     HTTP(S) (SmallRye then refuses an unknown {@code kid} itself, after fetching the set again), or has no readable
     *     keys (a server problem it reports itself)
     */
    static Optional<UnknownKeyCheck> load(Config config, ClassLoader loader) {
        if (VerificationKeys.fetched(config)) {
            return Optional.empty();
        }
        List<JsonWebKey> keys;
        try {
            keys = VerificationKeys.load(config, loader);
        } catch (InvalidConfigurationException e) {
            LOG.fine(() -> "freshjwt leaves bearer tokens to the server, whose keys it cannot read: " + e.getMessage());
            return Optional.empty();
        }
        boolean anyKid = keys.size() == 1 && keys.get(0).getKeyId() == null;
        return anyKid ? Optional.empty() : Optional.of(new UnknownKeyCheck(keys));
    }

    /**
     * @param authorization the request's {@code Authorization} header (WildFly reads any spelling of the scheme), or
     *     {@code null}
     * @return whether the server has no key for its bearer token; not for what is not a JWS at all, which the server
     *     refuses itself with a 401
     */
    boolean noKeyFor(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        Object kid;
        try {
            JsonWebStructure token = JsonWebStructure.fromCompactSerialization(authorization.substring(SCHEME.length()));
            if (!(token instanceof JsonWebSignature)) {
                return false;
            }
            kid = token.getHeaders().getObjectHeaderValue(JsonWebKey.KEY_ID_PARAMETER);
        } catch (JoseException | RuntimeException notJose) {
            return false;
        }
        return !(kid == null || kid instanceof String) || VerificationKeys.select(keys, (String) kid).isEmpty();
    }
}
