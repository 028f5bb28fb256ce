package dev.freshjwt.testing;

import dev.freshjwt.FreshJwtConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.jwt.config.Names;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The issuer of an integration test: makes the WAR under test trust a test key, and mints tokens with that key that
 * the server accepts (or, on request, tokens it must refuse), exactly as the application's own
 * {@link dev.freshjwt.TokenIssuer} would mint them.
 *
 * <pre>{@code
 * private static final TestIssuer ISSUER = TestIssuer.create();
 *
 * @Deployment(testable = false)
 * static WebArchive deployment() {
 *     return ISSUER.configure(ShrinkWrap.create(WebArchive.class, "app.war")
 *             .addClasses(MyApplication.class, TransferResource.class)
 *             .addAsLibraries(Maven.resolver().resolve("dev.freshjwt:freshjwt:0.2.0").withTransitivity().asFile()));
 * }
 *
 * @Test
 * void transferAfterARefreshAsksForTheStepUp() {
 *     String token = ISSUER.accessToken("alice").groups("user").notFresh().sign();
 *     FreshJwtAssertions.assertStepUpRequired(post("transfer", token));
 * }
 * }</pre>
 *
 * <p>Made for client-mode tests ({@code @Deployment(testable = false)}), which call the deployment over HTTP. A test
 * that runs inside the server ({@code testable = true}) and uses the kit there needs its classes in the archive too:
 * {@code war.addPackage(TestIssuer.class.getPackage())}.
 *
 * <p>Thread-safe and immutable; one instance per test class (or per test suite) is enough.
 */
public final class TestIssuer {

    /** The {@code iss} of {@link #create()}. */
    public static final String DEFAULT_ISSUER = "https://test.freshjwt.dev";

    /** Where {@link #configure} puts the key pair in the WAR (on its class path, {@code WEB-INF/classes/}). */
    public static final String KEY_FOLDER = "freshjwt-testing/";

    private static final ArchivePath CONFIG = ArchivePaths.create("WEB-INF/classes/META-INF/microprofile-config.properties");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final String issuer;
    private final KeyPair keys;

    private TestIssuer(String issuer, KeyPair keys) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** An issuer named {@value #DEFAULT_ISSUER} that signs with {@link TestKeys#rsa()} (RS256). */
    public static TestIssuer create() {
        return create(DEFAULT_ISSUER);
    }

    /** An issuer named {@code issuer} that signs with {@link TestKeys#rsa()} (RS256). */
    public static TestIssuer create(String issuer) {
        return new TestIssuer(issuer, TestKeys.rsa());
    }

    /** An issuer named {@code issuer} that signs with {@code keys}: RS256 for RSA, ES256 for a P-256 key pair. */
    public static TestIssuer create(String issuer, KeyPair keys) {
        return new TestIssuer(issuer, keys);
    }

    /** The {@code iss} of this issuer's tokens, which {@link #configure} makes the WAR accept. */
    public String issuer() {
        return issuer;
    }

    /** The key pair this issuer signs with, which {@link #configure} makes the WAR sign with and trust. */
    public KeyPair keyPair() {
        return keys;
    }

    /**
     * The MicroProfile Config properties {@link #configure} adds: the issuer ({@code mp.jwt.verify.issuer},
     * {@code freshjwt.issuer}) and the key pair ({@code mp.jwt.verify.publickey.location},
     * {@code freshjwt.sign.key.location}), in that order.
     */
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(Names.ISSUER, issuer);
        config.put(FreshJwtConfig.ISSUER, issuer);
        config.put(Names.VERIFIER_PUBLIC_KEY_LOCATION, KEY_FOLDER + "public.pem");
        config.put(FreshJwtConfig.SIGN_KEY_LOCATION, KEY_FOLDER + "private.pem");
        return config;
    }

    /**
     * Makes {@code war} trust this issuer and sign with its key, in one call: adds the key pair under
     * {@value #KEY_FOLDER} and appends {@link #config()} and {@code extraProperties} ({@code key=value} each) to the
     * WAR's {@code WEB-INF/classes/META-INF/microprofile-config.properties} (created if the WAR has none), where they
     * override the same keys written earlier in that file. Also adds the test-only {@link RevocationServlet} that
     * {@link #revoke} calls.
     *
     * <p>Environment variables and system properties still win over that file (MicroProfile Config ordinals 300 and
     * 400): a test server must not set the same keys. Set {@code mp.jwt.verify.audiences} yourself if your tokens need
     * an audience, and give the tokens one with {@link TestToken#claim claim("aud", ...)}.
     *
     * @return {@code war}, changed
     */
    public WebArchive configure(WebArchive war, String... extraProperties) {
        StringBuilder config = new StringBuilder(war.contains(CONFIG) ? read(war.get(CONFIG)) : "");
        config.append("\n# Added by freshjwt's test kit (dev.freshjwt.testing.TestIssuer).\n");
        config().forEach((key, value) -> config.append(key).append('=').append(value).append('\n'));
        for (String property : extraProperties) {
            if (property.indexOf('=') < 1) {
                throw new IllegalArgumentException("not a key=value property: " + property);
            }
            config.append(property).append('\n');
        }
        if (war.contains(CONFIG)) {
            war.delete(CONFIG);
        }
        return war.addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(TestKeys.privatePem(keys)), KEY_FOLDER + "private.pem")
                .addAsResource(new StringAsset(TestKeys.publicPem(keys)), KEY_FOLDER + "public.pem")
                .addClass(RevocationServlet.class);
    }

    /**
     * A fresh access token of {@code subject}, as a credential login mints it: {@code fresh} true, {@code auth_time}
     * now, no groups until you add them.
     */
    public TestToken accessToken(String subject) {
        return TestToken.access(this, subject);
    }

    /** A refresh token of {@code subject}, as a login mints it: {@code auth_time} now, a session id, no groups. */
    public TestToken refreshToken(String subject) {
        return TestToken.refresh(this, subject);
    }

    /**
     * Revokes {@code token} on the deployment at {@code deployment} (the URL Arquillian injects with
     * {@code @ArquillianResource}), through the {@link RevocationServlet} that {@link #configure} added, which calls
     * {@link dev.freshjwt.TokenRevoker#revoke}: from then on the server refuses the token as revoked.
     *
     * @throws IllegalStateException if the server did not confirm the revocation
     */
    public void revoke(URL deployment, String token) {
        HttpRequest request = HttpRequest.newBuilder(resolve(deployment, RevocationServlet.PATH.substring(1)))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 204) {
            throw new IllegalStateException("the server did not revoke the token: " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static URI resolve(URL deployment, String path) {
        try {
            String base = deployment.toString();
            return new URI(base.endsWith("/") ? base : base + "/").resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(deployment.toString(), e);
        }
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
