package dev.freshjwt.internal.keys;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.Set;

/** Chooses and checks the JWS algorithm for a key: RSA with RS*, EC with the ES* of its curve. */
final class KeyAlgorithms {

    private static final Set<String> RSA = Set.of("RS256", "RS384", "RS512");
    private static final int MIN_RSA_BITS = 2048;

    private KeyAlgorithms() {
    }

    static String choose(PublicKey key, Optional<String> configured) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new InvalidConfigurationException("The RSA key of " + FreshJwtConfig.SIGN_KEY_LOCATION + " has "
                        + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            String algorithm = configured.orElse("RS256");
            if (!RSA.contains(algorithm)) {
                throw mismatch(algorithm, "an RSA key: use RS256, RS384 or RS512");
            }
            return algorithm;
        }
        if (key instanceof ECPublicKey ec) {
            String matching = switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 256 -> "ES256";
                case 384 -> "ES384";
                case 521 -> "ES512";
                default -> throw new InvalidConfigurationException("The EC key of " + FreshJwtConfig.SIGN_KEY_LOCATION
                        + " is on an unsupported curve: use P-256, P-384 or P-521");
            };
            String algorithm = configured.orElse(matching);
            if (!algorithm.equals(matching)) {
                throw mismatch(algorithm, "this EC key: its curve goes with " + matching);
            }
            return algorithm;
        }
        throw new InvalidConfigurationException("The key of " + FreshJwtConfig.SIGN_KEY_LOCATION
                + " is neither RSA nor EC (" + key.getAlgorithm() + ")");
    }

    private static InvalidConfigurationException mismatch(String algorithm, String hint) {
        return new InvalidConfigurationException(
                FreshJwtConfig.SIGN_ALGORITHM + "=" + algorithm + " does not fit " + hint);
    }
}
