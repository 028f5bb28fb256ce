package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployment without a signing key, without an issuer, with a bad cookie or revocation setting (a poll interval, a
 * data source that is not there), or with a key set that leaves the signing key unclear or unknown to the server must
 * not start: Payara refuses it, and the log names the key to set. (Arquillian reports a failed deployment only as an
 * exception, without the server's words, so this test starts Payara Micro itself and reads its log.) Runs in the
 * default (Payara) profile only.
 */
class PayaraMisconfigurationIT {

    private static final String KEYS = "mp.jwt.verify.publickey.location=test-keys/public.pem\n";
    private static PayaraMicroProcess server;
    private static String log;

    @BeforeAll
    static void deployBrokenApplications() {
        Path dir = Path.of("target", "misconfiguration-it");
        Path noKey = export(dir, "nokey.war", "mp.jwt.verify.issuer=https://demo.freshjwt.dev\n" + KEYS);
        Path noIssuer = export(dir, "noissuer.war", KEYS + "freshjwt.sign.key.location=test-keys/private.pem\n");
        // The data grid is off (single-instance pre-boot file): revocations in memory, set per application (not as a
        // system property, which would hide the bad value of badstore).
        String signing = "mp.jwt.verify.issuer=https://demo.freshjwt.dev\n" + KEYS + "freshjwt.sign.key.location=test-keys/private.pem\n";
        String sound = signing + "freshjwt.revocation.store=memory\n";
        Path healthy = export(dir, "healthy.war", sound);
        Path badCookies = export(dir, "badcookies.war", sound + "freshjwt.token.location=cookie\n"
                + "freshjwt.cookie.secure=false\nfreshjwt.cookie.access.name=__Host-access\n");
        Path badWindow = export(dir, "badwindow.war", sound + "freshjwt.implicit-refresh.window=soon\n");
        Path badStore = export(dir, "badstore.war", sound + "freshjwt.revocation.store=bogus\n");
        Path badMax = export(dir, "badmax.war", sound + "freshjwt.revocation.max-entries=-1\n");
        Path badGrace = export(dir, "badgrace.war", sound + "freshjwt.refresh-token.reuse-grace=soon\n");
        // Key rotation: the sets of freshjwt.sign.key.location and mp.jwt.verify.publickey.location as files.
        String bothPrivate = "freshjwt.sign.key.location=" + write(dir, "both-private.jwks", true, true) + "\n";
        String rotation = "mp.jwt.verify.issuer=https://demo.freshjwt.dev\nfreshjwt.revocation.store=memory\n"
                + "mp.jwt.verify.publickey.location=" + write(dir, "both-public.jwks", false, false) + "\n";
        Path noKeyId = export(dir, "nokeyid.war", rotation + bothPrivate);
        Path unknownKeyId = export(dir, "unknownkeyid.war", rotation + bothPrivate + "freshjwt.sign.key.id=newest\n");
        Path publicOnly = export(dir, "publiconly.war", rotation + "freshjwt.sign.key.id=new\n"
                + "freshjwt.sign.key.location=" + write(dir, "new-public.jwks", true, false) + "\n");
        Path notOnServer = export(dir, "notonserver.war", "mp.jwt.verify.issuer=https://demo.freshjwt.dev\n"
                + "freshjwt.revocation.store=memory\n" + KEYS + bothPrivate + "freshjwt.sign.key.id=new\n");
        Path badPoll = export(dir, "badpoll.war", signing + "freshjwt.revocation.store=jdbc\n"
                + "freshjwt.revocation.poll-interval=PT1M\n");
        Path badSource = export(dir, "badsource.war", signing + "freshjwt.revocation.store=jdbc\n"
                + "freshjwt.revocation.datasource=jdbc/no-such-database\n");
        server = new PayaraMicroProcess(dir.resolve("payara.log"), PayaraMicroProcess.quickStart("-Xmx512m"),
                PayaraMicroProcess.singleInstance(), healthy, noKey, noIssuer, badCookies, badWindow, badStore, badMax, badGrace,
                noKeyId, unknownKeyId, publicOnly, notOnServer, badPoll, badSource);
        DemoClient client = new DemoClient(server.base());
        server.awaitReady(() -> answers(client, "healthy/.well-known/jwks.json") == 200, Duration.ofMinutes(5));
        log = server.awaitLog(text -> text.contains("nokey") && text.contains("noissuer") && text.contains("badcookies")
                && text.contains("badwindow") && text.contains("badstore") && text.contains("badmax")
                && text.contains("badgrace") && text.contains("nokeyid") && text.contains("unknownkeyid")
                && text.contains("publiconly") && text.contains("notonserver") && text.contains("badpoll")
                && text.contains("badsource"), Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void missingSigningKeyFailsTheDeploymentNamingTheKey() {
        assertTrue(log.contains("No signing key: set freshjwt.sign.key.location"), "see target/misconfiguration-it/payara.log");
        assertEquals(404, answers(new DemoClient(server.base()), "nokey/.well-known/jwks.json"));
    }

    @Test
    void missingIssuerFailsTheDeploymentNamingBothKeys() {
        assertTrue(log.contains("No issuer: set mp.jwt.verify.issuer (the issuer MicroProfile JWT accepts) or freshjwt.issuer"),
                "see target/misconfiguration-it/payara.log");
        assertEquals(404, answers(new DemoClient(server.base()), "noissuer/.well-known/jwks.json"));
    }

    @Test
    void badCookieSettingsFailTheDeploymentNamingTheKey() {
        assertTrue(log.contains("freshjwt.cookie.access.name is '__Host-access', but browsers drop __Host- and __Secure-"
                + " cookies that are not Secure (freshjwt.cookie.secure=false)"), "see target/misconfiguration-it/payara.log");
        assertTrue(log.contains("freshjwt.implicit-refresh.window must be an ISO-8601 duration such as PT15M or P30D, not 'soon'"),
                "see target/misconfiguration-it/payara.log");
        DemoClient client = new DemoClient(server.base());
        assertEquals(404, answers(client, "badcookies/.well-known/jwks.json"));
        assertEquals(404, answers(client, "badwindow/.well-known/jwks.json"));
    }

    @Test
    void badRevocationSettingsFailTheDeploymentNamingTheKey() {
        for (String message : new String[] {"freshjwt.revocation.store must be auto, memory, jcache or jdbc, not 'bogus'",
                "freshjwt.revocation.max-entries must be a whole number from 1 to 2147483647, not '-1'",
                "freshjwt.refresh-token.reuse-grace must be an ISO-8601 duration such as PT15M or P30D, not 'soon'",
                "freshjwt.revocation.poll-interval must be at most PT10S",
                "freshjwt.revocation.datasource is 'jdbc/no-such-database', which the application cannot look up"}) {
            assertTrue(log.contains(message), message + ": see target/misconfiguration-it/payara.log");
        }
        DemoClient client = new DemoClient(server.base());
        for (String app : new String[] {"badstore", "badmax", "badgrace", "badpoll", "badsource"}) {
            assertEquals(404, answers(client, app + "/.well-known/jwks.json"), app);
        }
    }

    @Test
    void badKeyRotationSetsFailTheDeploymentNamingTheKey() {
        for (String message : new String[] {
                "holds 2 private keys (kid old, new): set freshjwt.sign.key.id to the kid of the one that signs",
                "freshjwt.sign.key.id=newest names no key of freshjwt.sign.key.location=",
                "freshjwt.sign.key.id=new names a public key only: the key that signs needs its private part",
                "freshjwt.sign.key.location and mp.jwt.verify.publickey.location hold different public keys (kid 'new')"}) {
            assertTrue(log.contains(message), message + ": see target/misconfiguration-it/payara.log");
        }
        DemoClient client = new DemoClient(server.base());
        for (String app : new String[] {"nokeyid", "unknownkeyid", "publiconly", "notonserver"}) {
            assertEquals(404, answers(client, app + "/.well-known/jwks.json"), app);
        }
    }

    /**
     * A JWKS file of the key the other tests sign with ({@code old}) and another ({@code new}), with their private parts
     * or not.
     */
    private static String write(Path dir, String name, boolean oldPrivate, boolean newPrivate) {
        try {
            PublicJsonWebKey old = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.rsa().getPublic());
            old.setKeyId("old");
            PublicJsonWebKey next = PublicJsonWebKey.Factory.newPublicJwk(TestKeys.otherRsa().getPublic());
            next.setKeyId("new");
            if (oldPrivate) {
                old.setPrivateKey(TestKeys.rsa().getPrivate());
            }
            if (newPrivate) {
                next.setPrivateKey(TestKeys.otherRsa().getPrivate());
            }
            Path file = dir.resolve(name).toAbsolutePath();
            Files.createDirectories(dir);
            Files.writeString(file, new JsonWebKeySet(old, next).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            return file.toUri().toString();
        } catch (JoseException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path export(Path dir, String name, String config) {
        Path war = dir.resolve(name);
        war.toFile().getParentFile().mkdirs();
        Deployments.misconfigured(name, config).as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    private static int answers(DemoClient client, String path) {
        try {
            return client.get(path, null).statusCode();
        } catch (java.io.UncheckedIOException notYet) {
            return -1;
        }
    }
}
