package dev.freshjwt.internal.token;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * jose4j as the application loaded it. Payara, WildFly and Open Liberty each use a JOSE library of their own
 * and none exposes it to applications (WildFly's {@code io.smallrye.jwt} module, added to MP-JWT deployments,
 * does not export its jose4j): the copy in the WAR's {@code WEB-INF/lib} is the one that signs. A server that
 * did expose another version would show here, and an incompatible one fails the deployment instead of the
 * first login.
 */
public final class JoseLibrary {

    private static final String PROBE = "freshjwt start-up check";

    private JoseLibrary() {
    }

    /** Where the jose4j classes come from, for the start-up log. */
    public static String location() {
        CodeSource source = JsonWebSignature.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "the server's class path" : source.getLocation().toString();
    }

    /**
     * Signs a probe with the key and verifies it with the public key, with the jose4j the application sees.
     *
     * @throws InvalidConfigurationException when that jose4j cannot sign or verify with this key
     */
    public static void check(SigningKey key) {
        boolean verified;
        try {
            JsonWebSignature signer = new JsonWebSignature();
            signer.setPayload(PROBE);
            signer.setAlgorithmHeaderValue(key.algorithm());
            signer.setKey(key.privateKey());
            JsonWebSignature verifier = new JsonWebSignature();
            verifier.setCompactSerialization(signer.getCompactSerialization());
            verifier.setKey(key.publicKey());
            verified = verifier.verifySignature()
                    && PROBE.equals(new String(verifier.getPayloadBytes(), StandardCharsets.UTF_8));
        } catch (JoseException | RuntimeException | LinkageError e) {
            throw new InvalidConfigurationException("jose4j from " + location() + " cannot sign with the key of "
                    + FreshJwtConfig.SIGN_KEY_LOCATION + " (" + key.algorithm() + "): " + e
                    + ". Bundle jose4j 0.9.x in WEB-INF/lib.", e);
        }
        if (!verified) {
            throw new InvalidConfigurationException(
                    "The public key does not verify what the key of " + FreshJwtConfig.SIGN_KEY_LOCATION + " signs");
        }
    }
}
