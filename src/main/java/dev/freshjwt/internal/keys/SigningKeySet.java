package dev.freshjwt.internal.keys;

import static dev.freshjwt.FreshJwtConfig.SIGN_KEY_ID;
import static dev.freshjwt.FreshJwtConfig.SIGN_KEY_LOCATION;

import dev.freshjwt.InvalidConfigurationException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The keys of a private JWK or a JWKS at {@code freshjwt.sign.key.location}, the one that signs first. Each key is
 * known by its {@code kid} (its RFC 7638 thumbprint when it has none), which must be unique in the set. The key that
 * signs is the one {@code freshjwt.sign.key.id} names, else the only private key of the set; it must have its private
 * part. The others only verify tokens: they may be public-only.
 */
final class SigningKeySet {

    private SigningKeySet() {
    }

    static List<SigningKey> read(String location, String json, Optional<String> keyId, Optional<String> algorithm) {
        String where = SIGN_KEY_LOCATION + "=" + location;
        Map<String, PublicJsonWebKey> byKid = new LinkedHashMap<>();
        for (PublicJsonWebKey entry : entries(where, json)) {
            String kid = entry.getKeyId() != null ? entry.getKeyId() : SigningKeyLoader.thumbprint(entry);
            if (byKid.putIfAbsent(kid, entry) != null) {
                throw new InvalidConfigurationException(where + " holds two keys with kid '" + kid
                        + "': tokens name their key by its kid, so each key needs its own");
            }
        }
        String active = keyId.orElseGet(() -> onlyPrivateKey(where, byKid));
        PublicJsonWebKey signing = byKid.get(active);
        if (signing == null) {
            throw new InvalidConfigurationException(SIGN_KEY_ID + "=" + active + " names no key of " + where
                    + " (its keys: kid " + String.join(", ", byKid.keySet()) + ")");
        }
        if (signing.getPrivateKey() == null) {
            throw new InvalidConfigurationException(SIGN_KEY_ID + "=" + active + " names a public key only: the key"
                    + " that signs needs its private part in " + where);
        }
        List<SigningKey> keys = new ArrayList<>();
        keys.add(key(where, active, signing, algorithm.or(() -> Optional.ofNullable(signing.getAlgorithm()))));
        byKid.forEach((kid, entry) -> {
            if (!kid.equals(active)) {
                keys.add(key(where, kid, entry, Optional.ofNullable(entry.getAlgorithm()).or(() -> algorithm)));
            }
        });
        return List.copyOf(keys);
    }

    private static List<PublicJsonWebKey> entries(String where, String json) {
        try {
            List<JsonWebKey> keys = Jwks.parse(json);
            List<PublicJsonWebKey> entries = new ArrayList<>();
            for (JsonWebKey key : keys) {
                if (!(key instanceof PublicJsonWebKey entry)) {
                    throw new InvalidConfigurationException(where + " holds a key of type " + key.getKeyType()
                            + (key.getKeyId() == null ? "" : " (kid '" + key.getKeyId() + "')")
                            + ": freshjwt signs and verifies with RSA or EC keys only");
                }
                entries.add(entry);
            }
            return entries;
        } catch (JoseException e) {
            throw new InvalidConfigurationException(where + " is not a usable private JWK or JWKS: " + e.getMessage(), e);
        }
    }

    private static String onlyPrivateKey(String where, Map<String, PublicJsonWebKey> byKid) {
        List<String> privateKeys = byKid.entrySet().stream()
                .filter(entry -> entry.getValue().getPrivateKey() != null)
                .map(Map.Entry::getKey)
                .toList();
        if (privateKeys.isEmpty()) {
            throw new InvalidConfigurationException(where + " holds no private RSA or EC key");
        }
        if (privateKeys.size() > 1) {
            throw new InvalidConfigurationException(where + " holds " + privateKeys.size() + " private keys (kid "
                    + String.join(", ", privateKeys) + "): set " + SIGN_KEY_ID + " to the kid of the one that signs");
        }
        return privateKeys.get(0);
    }

    /** A key that signs is checked as a PEM key is; one that only verifies too when its private part is there. */
    private static SigningKey key(String where, String kid, PublicJsonWebKey entry, Optional<String> algorithm) {
        try {
            String chosen = KeyAlgorithms.choose(entry.getPublicKey(), algorithm);
            if (entry.getPrivateKey() == null) {
                return new SigningKey(null, entry.getPublicKey(), kid, chosen);
            }
            return SigningKeyLoader.checked(new KeyPair(entry.getPublicKey(), entry.getPrivateKey()), kid, chosen);
        } catch (InvalidConfigurationException e) {
            throw new InvalidConfigurationException("The key with kid '" + kid + "' of " + where + ": " + e.getMessage(), e);
        }
    }
}
