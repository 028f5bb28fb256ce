package dev.freshjwt.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployment without a signing key or without an issuer must not start: Payara refuses it, and the log names
 * the key to set. (Arquillian reports a failed deployment only as an exception, without the server's words, so
 * this test starts Payara Micro itself and reads its log.) Runs in the default (Payara) profile only.
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
        Path healthy = export(dir, "healthy.war", "mp.jwt.verify.issuer=https://demo.freshjwt.dev\n" + KEYS
                + "freshjwt.sign.key.location=test-keys/private.pem\n");
        server = new PayaraMicroProcess(dir.resolve("payara.log"), List.of("-Xmx512m", "-Dfreshjwt.revocation.store=memory"),
                PayaraMicroProcess.singleInstance(), healthy, noKey, noIssuer);
        DemoClient client = new DemoClient(server.base());
        server.awaitReady(() -> answers(client, "healthy/.well-known/jwks.json") == 200, Duration.ofMinutes(3));
        log = server.awaitLog(text -> text.contains("nokey") && text.contains("noissuer"), Duration.ofMinutes(1));
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
