package dev.freshjwt.demo;

import dev.freshjwt.FreshJwtConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * DEMO ONLY: makes the demo start with zero set-up by generating an RSA key pair at start-up, written to a
 * private temporary folder, and pointing {@code freshjwt.sign.key.location} and
 * {@code mp.jwt.verify.publickey.location} at it. Tokens die with the process, and several instances never
 * trust each other's tokens. Its ordinal is below every standard source, so {@code microprofile-config.properties},
 * system properties and environment variables ({@code FRESHJWT_SIGN_KEY_LOCATION},
 * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}) replace it. Never copy it into a real application: configure a key.
 */
public class DemoKeyConfigSource implements ConfigSource {

    private static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    private static final int ORDINAL = 50;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(FreshJwtConfig.SIGN_KEY_LOCATION, PUBLIC_KEY_LOCATION);
    }

    @Override
    public String getValue(String name) {
        return getPropertyNames().contains(name) ? GeneratedKey.LOCATIONS.get(name) : null;
    }

    @Override
    public Map<String, String> getProperties() {
        return GeneratedKey.LOCATIONS;
    }

    @Override
    public String getName() {
        return "freshjwt-demo-generated-key";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /** Generated on first use, once per class loader. */
    private static final class GeneratedKey {

        static final Map<String, String> LOCATIONS = generate();

        private static Map<String, String> generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Path folder = Files.createTempDirectory("freshjwt-demo-key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Path privateKey = write(folder.resolve("demo-only-private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
                Path publicKey = write(folder.resolve("demo-only-public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
                Logger.getLogger(DemoKeyConfigSource.class.getName()).warning("freshjwt DEMO: signing with a key"
                        + " generated at start-up (" + folder + "); set " + FreshJwtConfig.SIGN_KEY_LOCATION
                        + " and " + PUBLIC_KEY_LOCATION + " for anything but a demo");
                return Map.of(FreshJwtConfig.SIGN_KEY_LOCATION, privateKey.toUri().toString(),
                        PUBLIC_KEY_LOCATION, publicKey.toUri().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the demo key", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("This JVM cannot generate RSA keys", e);
            }
        }

        private static Path write(Path file, String type, byte[] der) throws IOException {
            String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            return file;
        }
    }
}
