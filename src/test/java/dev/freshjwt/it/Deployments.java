package dev.freshjwt.it;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.testing.TestIssuer;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.testing.TestToken;
import java.io.File;
import java.time.Instant;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Filters;
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

    /** The demo's client id at the provider ({@code freshjwt.provider.client-id}): the {@code aud} of logout tokens. */
    static final String CLIENT_ID = "demo-client";

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
     * An access token as an OpenID provider (Keycloak) issues it to the demo's user {@code test}: no freshjwt
     * {@code type} or {@code fresh} claim; {@code typ} {@code Bearer}, a session ({@code sid}), {@code acr} {@code "1"}
     * (Keycloak's level of a password login); issued at {@code issuedAt} after a login at {@code authTime}; group
     * {@code user}, as a realm-roles-to-groups mapper gives it. Signed with the key the deployment trusts, as the
     * provider's key would be through {@code mp.jwt.verify.publickey.location}.
     */
    static TestToken providerAccess(Instant issuedAt, Instant authTime) {
        return ISSUER.accessToken("test").groups("user").without(FreshJwtClaims.TYPE).without(FreshJwtClaims.FRESH)
                .claim("typ", "Bearer").claim("iat", issuedAt.getEpochSecond()).authenticatedAt(authTime)
                .claim(FreshJwtClaims.SESSION_ID, UUID.randomUUID().toString()).acr("1").claim("azp", "demo-client");
    }

    /**
     * The demo as an application that only checks an OpenID provider's tokens: without what injects {@code TokenIssuer}
     * (log-in, refresh, session and JWKS resources), without cookies, without any signing key; it trusts the test
     * issuer's public key alone. {@code extraClasses} go in too.
     */
    public static WebArchive withoutSigningKey(Class<?>... extraClasses) {
        return trusting(ISSUER).addClasses(extraClasses);
    }

    /**
     * As {@link #withoutSigningKey}, trusting the tokens of {@code issuer} alone: those of its name, signed with its key.
     */
    static WebArchive trusting(TestIssuer issuer) {
        return providerOnly("mp.jwt.verify.issuer=" + issuer.issuer() + "\nmp.jwt.verify.publickey.location=verify/public.pem\n")
                .addAsResource(new StringAsset(TestKeys.publicPem(issuer.keyPair())), "verify/public.pem");
    }

    /**
     * The demo as an application of a real OpenID provider's (Keycloak's): as {@link #withoutSigningKey}, trusting the
     * tokens of {@code issuer}, whose keys it fetches from {@code jwksUrl} ({@code mp.jwt.verify.publickey.location}).
     *
     * @param extraConfig further {@code key=value} lines
     */
    static WebArchive forProvider(String issuer, String jwksUrl, String... extraConfig) {
        return providerOnly("mp.jwt.verify.issuer=" + issuer + "\nmp.jwt.verify.publickey.location=" + jwksUrl + "\n"
                + String.join("\n", extraConfig) + "\n");
    }

    /** The demo without what injects {@code TokenIssuer}, without cookies or a signing key, configured by {@code config}. */
    private static WebArchive providerOnly(String config) {
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(demoWar()).as(WebArchive.class);
        archive.delete(CONFIG);
        archive.delete("WEB-INF/classes/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
        archive.getContent(Filters.include("/WEB-INF/classes/dev/freshjwt/demo/(AuthResource|SessionResource|DemoLogin"
                + "|JwksResource|AccountResource)(\\$.*)?\\.class")).keySet().stream().toList().forEach(archive::delete);
        return archive.addAsResource(new StringAsset(config + "mp.jwt.verify.clock.skew=60\nfreshjwt.provider.client-id="
                + CLIENT_ID + "\n"), "META-INF/microprofile-config.properties");
    }

    /**
     * The demo WAR with its configuration replaced by {@code config} (and the client id its back-channel logout needs),
     * and without its generated demo key: a deployment that lacks what freshjwt needs.
     */
    public static WebArchive misconfigured(String name, String config) {
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name).importFrom(demoWar()).as(WebArchive.class);
        archive.delete(CONFIG);
        archive.delete("WEB-INF/classes/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
        return archive.addAsResource(new StringAsset(config + "\nfreshjwt.provider.client-id=" + CLIENT_ID + "\n"),
                        "META-INF/microprofile-config.properties")
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
