package dev.freshjwt.it;

import dev.freshjwt.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the integration tests: the demo WAR exactly as {@code mvn package} built it, with the
 * demo's generated key replaced by the test run's key (so tests can mint their own, pre-dated or forged,
 * tokens). Named {@code ROOT.war} for the root context, as users deploy it (Open Liberty's {@code dropins/},
 * where Arquillian deploys, serves it at {@code /ROOT/}: tests use the URL the container reports).
 */
public final class Deployments {

    /** The issuer of the demo's {@code microprofile-config.properties}. */
    public static final String ISSUER = "https://demo.freshjwt.dev";

    private static final ArchivePath CONFIG = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private Deployments() {
    }

    /**
     * @param extraConfig further {@code key=value} lines for the demo's {@code microprofile-config.properties}
     */
    public static WebArchive demo(String... extraConfig) {
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(demoWar()).as(WebArchive.class);
        String config = read(archive.get(CONFIG)) + "\n# Added by the integration tests: the test run's key.\n"
                + "freshjwt.sign.key.location=test-keys/private.pem\n"
                + "mp.jwt.verify.publickey.location=test-keys/public.pem\n" + String.join("\n", extraConfig) + "\n";
        archive.delete(CONFIG);
        return archive.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(TestKeys.privatePem(TestKeys.rsa())), "test-keys/private.pem")
                .addAsResource(new StringAsset(TestKeys.publicPem(TestKeys.rsa())), "test-keys/public.pem");
    }

    /**
     * The demo WAR with its configuration replaced by {@code config}, and without its generated demo key: a
     * deployment that lacks what freshjwt needs.
     */
    public static WebArchive misconfigured(String name, String config) {
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name).importFrom(demoWar()).as(WebArchive.class);
        archive.delete(CONFIG);
        archive.delete("WEB-INF/classes/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
        return archive.addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(TestKeys.privatePem(TestKeys.rsa())), "test-keys/private.pem")
                .addAsResource(new StringAsset(TestKeys.publicPem(TestKeys.rsa())), "test-keys/public.pem");
    }

    private static File demoWar() {
        File war = new File(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests through 'mvn verify'");
        }
        return war;
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
