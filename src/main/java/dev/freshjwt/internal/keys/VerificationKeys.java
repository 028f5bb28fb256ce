package dev.freshjwt.internal.keys;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The public keys MicroProfile JWT verifies tokens with, read from the standard keys
 * {@code mp.jwt.verify.publickey.location} (PEM, JWK or JWKS at a location) or {@code mp.jwt.verify.publickey}
 * (the same inline), for where freshjwt verifies bearer tokens itself (Open Liberty with cookies on).
 */
public final class VerificationKeys {

    /** Standard MicroProfile JWT key: where the verification key is. */
    public static final String LOCATION = "mp.jwt.verify.publickey.location";

    /** Standard MicroProfile JWT key: the verification key itself. */
    public static final String INLINE = "mp.jwt.verify.publickey";

    private VerificationKeys() {
    }

    /**
     * @throws InvalidConfigurationException naming the key when neither or both are set, or the key cannot be read
     */
    public static List<JsonWebKey> load(Config config, ClassLoader loader) {
        Optional<String> location = ConfigValues.text(config, LOCATION);
        Optional<String> inline = ConfigValues.text(config, INLINE);
        if (location.isPresent() == inline.isPresent()) {
            throw new InvalidConfigurationException("Set exactly one of " + LOCATION + " and " + INLINE
                    + ": the public key that verifies tokens");
        }
        String key = location.isPresent() ? LOCATION : INLINE;
        String text = location.map(where -> KeySource.read(LOCATION, where, loader)).orElseGet(inline::get).trim();
        try {
            return parse(text);
        } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(key + " holds no usable public key (PEM, JWK or JWKS): " + e.getMessage(),
                    e);
        }
    }

    static List<JsonWebKey> parse(String text) throws JoseException, GeneralSecurityException {
        if (text.startsWith("{")) {
            return text.contains("\"keys\"") ? new JsonWebKeySet(text).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(text));
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return List.of(JsonWebKey.Factory.newJwk(publicKey(der)));
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }
}
