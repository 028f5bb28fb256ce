package dev.freshjwt.it;

import dev.freshjwt.testing.TestIssuer;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.testing.TestToken;
import java.io.File;
import java.time.Instant;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the integration tests: the demo WAR exactly as {@code mvn package} built it, made by the test
 * kit ({@link TestIssuer#configure}) to trust and sign with the test run's key instead of the demo's generated one, so
 * tests can mint their own, pre-dated or forged, tokens. Named {@code ROOT.war} for the root context, as users deploy it (Open Liberty's {@code dropins/},
 * where Arquillian deploys, serves it at {@code /ROOT/}: tests use the URL the container reports).
 */
public final class Deployments {

    /** The test kit's issuer, named as the demo's {@code microprofile-config.properties} names its issuer. */
    public static final TestIssuer ISSUER = TestIssuer.create("https://demo.freshjwt.dev");

    private static final ArchivePath CONFIG = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");

    private Deployments() {
    }

    /**
     * @param extraConfig further {@code key=value} lines for the demo's {@code microprofile-config.properties}
     */
    public static WebArchive demo(String... extraConfig) {
        return ISSUER.configure(ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(demoWar()).as(WebArchive.class),
                extraConfig);
    }

    /** A fresh access token of the demo's user {@code test} (group {@code user}), who logged in at {@code authTime}. */
    static TestToken freshAccess(Instant authTime) {
        return ISSUER.accessToken("test").groups("user").authenticatedAt(authTime);
    }

    /** A refresh token of the demo's user {@code test} (group {@code user}). */
    static TestToken refresh() {
        return ISSUER.refreshToken("test").groups("user");
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
                .addAsResource(new StringAsset(TestKeys.privatePem(ISSUER.keyPair())), "test-keys/private.pem")
                .addAsResource(new StringAsset(TestKeys.publicPem(ISSUER.keyPair())), "test-keys/public.pem");
    }

    private static File demoWar() {
        File war = new File(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests through 'mvn verify'");
        }
        return war;
    }
}
