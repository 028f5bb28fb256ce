package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.it.OtlpReceiver.Exported;
import dev.freshjwt.it.OtlpReceiver.Series;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * freshjwt's metrics leave the server: the server's MicroProfile Telemetry exports them over OTLP/HTTP to a collector
 * (an {@link OtlpReceiver} in this JVM), where they arrive with their names, units and attribute values, each counted
 * once per login, refresh, refusal, reuse and logout, and without any subject or token id.
 *
 * <p>The server is the {@value #SERVER} container of the active group in {@code arquillian.xml}: the test server with
 * its exporter turned on as {@code server-config/} says for each server (every second, to the port the build reserved),
 * in Arquillian's manual mode, so that the receiver listens before the server's first export. Servers without
 * MicroProfile Telemetry 2 (the Jakarta EE 10 generation, {@code -Pee10}) leave this test out.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    static final String SERVER = "telemetry";
    /** A bound, not a wait: the server exports every second, and the receiver returns as soon as the data are in. */
    private static final Duration EXPORTED_WITHIN = Duration.ofSeconds(60);

    private static final String REFUSALS = "freshjwt.refusals";
    private static final String ISSUED = "freshjwt.issued.tokens";
    private static final String REUSES = "freshjwt.refresh_token.reuses";
    private static final String REVOCATIONS = "freshjwt.revocations";
    private static final String STORE_ENTRIES = "freshjwt.revocation.store.entries";
    private static final String STORE_READ_AGE = "freshjwt.revocation.store.read.age";
    private static final Set<String> ATTRIBUTES = Set.of("freshjwt.refusal.reason", "http.response.status_code",
            "freshjwt.token.type", "freshjwt.token.fresh", "freshjwt.revocation.kind", "freshjwt.revocation.store");

    private static OtlpReceiver receiver;
    private static final Exported EXPORTED = new Exported("dev.freshjwt");

    @ArquillianResource
    ContainerController server;

    @Deployment(testable = false)
    @TargetsContainer(SERVER)
    static WebArchive deployment() {
        return Deployments.demo("freshjwt.refresh-token.rotation=true");
    }

    @BeforeAll
    static void listen() {
        receiver = OtlpReceiver.start(OtlpReceiver.reservedPort());
    }

    @AfterAll
    static void stopListening() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void serverStartsWithItsExporterOn() {
        server.start(SERVER);
        assertTrue(server.isStarted(SERVER));
    }

    @Test
    @Order(2)
    void whatFreshJwtCountsIsExportedWithItsNamesUnitsAndAttributes(@ArquillianResource URL base) {
        // observed at every export from start-up on: the application's instruments are registered with the server's SDK
        receiver.await(EXPORTED, exported -> exported.value(STORE_ENTRIES, store("memory")).isPresent(), EXPORTED_WITHIN);
        Map<Series, Double> before = EXPORTED.snapshot();

        DemoClient client = DemoClient.at(base);
        JsonObject login = client.login();
        JsonObject refreshed = DemoClient.json(client.post("refresh", bearer(login.getString("refresh_token")), null, null));
        assertStepUpRequired(client.get("sensitive_operation", bearer(refreshed.getString("access_token"))));
        assertInvalidToken(client.get("protected", bearer(Deployments.freshAccess(Instant.now()).forged().sign())));
        assertInvalidToken(client.post("refresh", bearer(login.getString("refresh_token")), null, null));
        String other = client.login().getString("access_token");
        assertEquals(204, client.post("logout", bearer(other), null, null).statusCode());
        assertInvalidToken(client.get("protected", bearer(other)));

        Map<Series, Double> counted = new LinkedHashMap<>();
        counted.put(new Series(ISSUED, Map.of("freshjwt.token.type", "access", "freshjwt.token.fresh", true)), 2.0);
        counted.put(new Series(ISSUED, Map.of("freshjwt.token.type", "access", "freshjwt.token.fresh", false)), 1.0);
        counted.put(new Series(ISSUED, Map.of("freshjwt.token.type", "refresh")), 3.0);
        counted.put(new Series(REFUSALS, refusal("not_fresh")), 1.0);
        counted.put(new Series(REFUSALS, refusal("invalid_token")), 1.0);
        counted.put(new Series(REFUSALS, refusal("refresh_token_reused")), 1.0);
        counted.put(new Series(REFUSALS, refusal("revoked_token")), 1.0);
        counted.put(new Series(REUSES, Map.of()), 1.0);
        counted.put(new Series(REVOCATIONS, Map.of("freshjwt.revocation.kind", "session")), 1.0);
        counted.put(new Series(REVOCATIONS, Map.of("freshjwt.revocation.kind", "token")), 1.0);

        receiver.await(EXPORTED, exported -> counted.entrySet().stream().allMatch(expected ->
                exported.count(expected.getKey().metric(), expected.getKey().attributes())
                        >= before.getOrDefault(expected.getKey(), 0.0) + expected.getValue()), EXPORTED_WITHIN);
        counted.forEach((series, count) -> assertEquals(count,
                EXPORTED.count(series.metric(), series.attributes()) - before.getOrDefault(series, 0.0),
                () -> series + " counted once per event; " + EXPORTED));
        for (String metric : Set.of(REFUSALS, ISSUED, REUSES, REVOCATIONS)) {
            assertEquals("counter", EXPORTED.kind(metric).orElseThrow(), metric);
            for (Map<String, Object> attributes : EXPORTED.series(metric).keySet()) {
                assertTrue(ATTRIBUTES.containsAll(attributes.keySet()), () -> metric + attributes);
            }
        }
        assertEquals(Map.of(REFUSALS, "{refusal}", ISSUED, "{token}", REUSES, "{reuse}", REVOCATIONS, "{revocation}",
                STORE_ENTRIES, "{entry}"), Map.of(REFUSALS, unit(REFUSALS), ISSUED, unit(ISSUED), REUSES, unit(REUSES),
                        REVOCATIONS, unit(REVOCATIONS), STORE_ENTRIES, unit(STORE_ENTRIES)));

        receiver.await(EXPORTED, exported -> exported.count(STORE_ENTRIES, store("memory")) >= 2, EXPORTED_WITHIN);
        assertEquals("updowncounter", EXPORTED.kind(STORE_ENTRIES).orElseThrow());
        assertFalse(EXPORTED.metrics().contains(STORE_READ_AGE), "an in-memory store is never read, so it has no read age");
        String everything = EXPORTED.toString();
        assertFalse(everything.contains("=test"), "never the subject: " + everything);
        assertFalse(everything.contains(WalkthroughIT.payload(other).getString("jti")), "never a token id: " + everything);
    }

    @Test
    @Order(3)
    void serverStops() {
        server.stop(SERVER);
        assertFalse(server.isStarted(SERVER));
    }

    private static Map<String, Object> refusal(String reason) {
        return Map.of("freshjwt.refusal.reason", reason, "http.response.status_code", 401L);
    }

    private static Map<String, Object> store(String kind) {
        return Map.of("freshjwt.revocation.store", kind);
    }

    private static String unit(String metric) {
        return EXPORTED.unit(metric).orElse("(not exported)");
    }
}
