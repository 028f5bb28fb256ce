package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import dev.freshjwt.unit.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keys at an http(s) {@code mp.jwt.verify.publickey.location} (an OpenID provider's {@code jwks_uri}), as freshjwt
 * verifies bearer tokens with them on Open Liberty in cookie mode: fetched when needed, cached, fetched again for an
 * unknown {@code kid} at most every 10 s, and kept while the provider is down. A provider on loopback counts the fetches.
 */
class RemoteKeysTest {

    private static final String ISSUER = "https://idp.example/realms/demo";
    private static final KeyPair FIRST = TestKeys.rsa();
    private static final KeyPair SECOND = TestKeys.otherRsa();

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;
    private volatile String jwks;
    private HttpServer provider;
    private MpJwtVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        jwks = jwks("first", FIRST);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        verifier = MpJwtVerifier.load(MapConfig.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey.location",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/certs"), getClass().getClassLoader(), clock);
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void fetchedWhenATokenFirstNeedsThemThenCachedForFiveMinutes() {
        assertEquals(0, fetches.get(), "nothing is fetched at deployment");
        assertTrue(verifies("first", FIRST));
        assertTrue(verifies("first", FIRST));
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(verifies("first", FIRST));
        assertEquals(2, fetches.get());
        assertFalse(verifies("first", SECOND), "a forged signature with a known kid");
        assertEquals(2, fetches.get(), "a known kid is not fetched again");
    }

    @Test
    void aRotatedKeyIsFetchedForItsUnknownKidAtMostEveryTenSeconds() throws Exception {
        assertTrue(verifies("first", FIRST));
        jwks = jwks("second", SECOND);
        assertFalse(verifies("second", SECOND), "fetched a moment ago: not again yet");
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofSeconds(10));
        assertTrue(verifies("second", SECOND), "the unknown kid fetches the rotated keys");
        assertEquals(2, fetches.get());
        for (int i = 0; i < 50; i++) {
            assertFalse(verifies("forged-" + i, SECOND));
        }
        assertEquals(2, fetches.get(), "forged kids cannot make freshjwt hammer the provider");
        clock.advance(Duration.ofSeconds(10));
        assertFalse(verifies("forged", SECOND));
        assertFalse(verifies("forged-again", SECOND));
        assertEquals(3, fetches.get());
    }

    @Test
    void whileTheProviderIsDownTheKeysFetchedBeforeStayInUse() {
        assertTrue(verifies("first", FIRST));
        status = 503;
        clock.advance(Duration.ofMinutes(6));
        assertTrue(verifies("first", FIRST), "the keys fetched before");
        assertEquals(2, fetches.get());
        assertTrue(verifies("first", FIRST));
        assertEquals(2, fetches.get(), "tried again only after 10 s");
        status = 200;
        jwks = jwks("second", SECOND);
        clock.advance(Duration.ofSeconds(10));
        assertTrue(verifies("second", SECOND), "back: the provider's current keys");
        assertFalse(verifies("first", FIRST), "the old keys are gone with the new fetch");
    }

    @Test
    void beforeAnyFetchSucceededNoTokenVerifies() throws Exception {
        status = 500;
        assertFalse(verifies("first", FIRST));
        status = 200;
        jwks = "not a key set";
        clock.advance(Duration.ofSeconds(10));
        assertFalse(verifies("first", FIRST));
        jwks = jwks("first", FIRST) + " ".repeat(600 * 1024); // a valid key set, but too long
        clock.advance(Duration.ofSeconds(10));
        assertFalse(verifies("first", FIRST), "an answer longer than 512 KiB is not read");
        jwks = jwks("first", FIRST);
        clock.advance(Duration.ofSeconds(10));
        assertTrue(verifies("first", FIRST));
        assertEquals(4, fetches.get());
    }

    private boolean verifies(String kid, KeyPair signer) {
        return verifier.verify(SignedTokens.rs256(signer.getPrivate(), ISSUER, 60, kid)).isPresent();
    }

    private static String jwks(String kid, KeyPair keys) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(keys.getPublic());
            jwk.setKeyId(kid);
            return new JsonWebKeySet(jwk).toJson();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
