package dev.freshjwt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Key pairs generated for a test run, and their PEM forms: nothing to commit to a repository, nothing to keep secret.
 * Generating an RSA key takes a moment, so {@link #rsa()} and {@link #otherRsa()} are generated once per test JVM and
 * shared.
 */
public final class TestKeys {

    private static final KeyPair RSA = generate("RSA", 2048);
    private static final KeyPair OTHER_RSA = generate("RSA", 2048);

    private TestKeys() {
    }

    /** An RSA key pair of this test JVM: the one a {@link TestIssuer} signs with unless it is given another. */
    public static KeyPair rsa() {
        return RSA;
    }

    /** A second RSA key pair of this test JVM, which no {@link TestIssuer} uses by itself: for forgeries. */
    public static KeyPair otherRsa() {
        return OTHER_RSA;
    }

    /** A new key pair: {@code generate("RSA", 2048)}. */
    public static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new elliptic-curve key pair: {@code ec("secp256r1")} for ES256. */
    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of {@code type} ({@code PRIVATE KEY}, {@code PUBLIC KEY}) around {@code der}. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The private key in PKCS#8 PEM, as {@code freshjwt.sign.key.location} reads it. */
    public static String privatePem(KeyPair pair) {
        return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** The public key in SPKI PEM, as {@code mp.jwt.verify.publickey.location} reads it. */
    public static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /** Writes {@code text} to {@code folder/name} (for a server started outside Arquillian) and returns the file. */
    public static Path write(Path folder, String name, String text) {
        try {
            return Files.writeString(folder.resolve(name), text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
