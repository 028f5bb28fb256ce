package dev.freshjwt.internal.keys;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.config.ConfigValues;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The public keys MicroProfile JWT verifies tokens with, read from the standard keys
 * {@code mp.jwt.verify.publickey.location} (PEM, JWK or JWKS at a location) or {@code mp.jwt.verify.publickey}
 * (the same inline): for where freshjwt verifies bearer tokens itself (Open Liberty with cookies on), and to foresee
 * what the server does with a token's {@code kid}.
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

    /**
     * Fails when the server could not verify the tokens freshjwt signs: its local key
     * ({@code mp.jwt.verify.publickey.location} or {@code mp.jwt.verify.publickey}) has no key for the signing key's
     * {@code kid}, or another public key. The usual slip of a key rotation: a key made active before every server has
     * it. Keys fetched over HTTP(S) (perhaps from this very application) and keys the server finds by itself (neither
     * key set) are not checked.
     *
     * @throws InvalidConfigurationException naming the keys to fix
     */
    public static void requireVerifiable(SigningKey signing, Config config, ClassLoader loader) {
        Optional<String> location = ConfigValues.text(config, LOCATION);
        if (location.isPresent() == ConfigValues.text(config, INLINE).isPresent() || fetched(config)) {
            return;
        }
        String key = location.isPresent() ? LOCATION : INLINE;
        List<JsonWebKey> keys = load(config, loader);
        JsonWebKey verifying = select(keys, signing.keyId()).orElseThrow(() -> new InvalidConfigurationException(
                "freshjwt signs with the key of kid '" + signing.keyId() + "', but " + key + " has no key for it (its keys: kid "
                        + keys.stream().map(jwk -> String.valueOf(jwk.getKeyId())).collect(Collectors.joining(", "))
                        + "): the server would refuse every token. Add the key there before it signs ("
                        + FreshJwtConfig.SIGN_KEY_ID + ")"));
        if (!Arrays.equals(verifying.getKey().getEncoded(), signing.publicKey().getEncoded())) {
            throw new InvalidConfigurationException(FreshJwtConfig.SIGN_KEY_LOCATION + " and " + key
                    + " hold different public keys (kid '" + signing.keyId() + "'): the server would refuse every token");
        }
    }

    /** Whether the server fetches its keys over HTTP(S) ({@code mp.jwt.verify.publickey.location}), and may fetch them again. */
    public static boolean fetched(Config config) {
        return ConfigValues.text(config, LOCATION).map(where -> where.toLowerCase(Locale.ROOT))
                .filter(where -> where.startsWith("http:") || where.startsWith("https:")).isPresent();
    }

    /**
     * The key a server verifies a token with, selected from its keys as SmallRye JWT (WildFly) selects from a local
     * JWKS, and as a PEM key (one key, no {@code kid}) works: the key with the token's {@code kid}, or the only key when
     * it or the token has no {@code kid}. SmallRye answers a token without such a key with a 500 of its own, as if the
     * server's key were broken.
     *
     * @param keys the server's keys, as {@link #load} reads them
     * @param kid the token's {@code kid} header, or {@code null}
     * @return the key, or empty when the server has none for the token
     */
    public static Optional<JsonWebKey> select(List<JsonWebKey> keys, String kid) {
        if (kid != null) {
            for (JsonWebKey key : keys) {
                if (kid.equals(key.getKeyId())) {
                    return Optional.of(key);
                }
            }
        }
        if (keys.size() == 1 && (kid == null || keys.get(0).getKeyId() == null)) {
            return Optional.of(keys.get(0));
        }
        return Optional.empty();
    }

    static List<JsonWebKey> parse(String text) throws JoseException, GeneralSecurityException {
        if (text.startsWith("{")) {
            return Jwks.parse(text);
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
