package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * Signing-key rotation, in its middle step: the new key signs, the old one still verifies. freshjwt's
 * {@code freshjwt.sign.key.location} is a JWKS of both private keys ({@code freshjwt.sign.key.id} names the new one),
 * the server's {@code mp.jwt.verify.publickey.location} a JWKS of both public keys, as the procedure of docs/tokens.md
 * has it.
 * Live tokens of the old key keep working, refresh tokens included; a token of a key that is no longer in the set
 * (one an earlier rotation removed) gets the same 401 as any token the server cannot verify, never a 500.
 */
class KeyRotationIT extends DemoIT {

    /** The key being retired: the one the other tests' deployments sign with. */
    private static final KeyPair OLD = TestKeys.rsa();
    /** The new key, active in this deployment. */
    private static final KeyPair NEW = TestKeys.generate("RSA", 2048);
    /** A key an earlier rotation removed from both sets. */
    private static final KeyPair REMOVED = TestKeys.otherRsa();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path folder = Path.of("target", "key-rotation").toAbsolutePath();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("private.jwks"), jwks(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.writeString(folder.resolve("public.jwks"), jwks(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Deployments.demo("freshjwt.sign.key.location=" + folder.resolve("private.jwks").toUri(),
                "freshjwt.sign.key.id=new", "mp.jwt.verify.publickey.location=" + folder.resolve("public.jwks").toUri());
    }

    @Test
    void bothKeysArePublishedTheNewOneFirstAndNewTokensCarryItsKid() throws Exception {
        HttpResponse<String> published = client.get(".well-known/jwks.json", null);
        assertEquals(List.of("new", "old"), new JsonWebKeySet(published.body()).getJsonWebKeys().stream()
                .map(JsonWebKey::getKeyId).toList());
        var login = client.login();
        assertEquals("new", kid(login.getString("access_token")));
        assertEquals("new", kid(login.getString("refresh_token")));
        assertEquals(200, client.get("sensitive_operation", bearer(login.getString("access_token"))).statusCode());
        assertEquals(200, client.post("refresh", bearer(login.getString("refresh_token")), null, null).statusCode());
    }

    @Test
    void liveAccessTokensOfTheOldKeyKeepWorkingInAHeaderAndInACookie() {
        String oldAccess = Deployments.freshAccess(Instant.now()).keyId("old").sign();
        assertEquals(200, client.get("protected", bearer(oldAccess)).statusCode());
        assertEquals(200, client.get("sensitive_operation", bearer(oldAccess)).statusCode());
        CookieClient browser = new CookieClient(client.base())
                .with(CookieIT.ACCESS, Deployments.freshAccess(Instant.now()).keyId("old").claim("csrf", "c").sign());
        assertTrue(DemoClient.json(browser.get("session")).getBoolean("authenticated"));
        assertEquals(200, browser.get("protected").statusCode());
    }

    @Test
    void refreshTokensOfTheOldKeyStillRefreshAndTheNewTokensCarryTheNewKid() throws Exception {
        HttpResponse<String> refreshed = client.post("refresh", bearer(Deployments.refresh().keyId("old").sign()), null, null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String access = DemoClient.json(refreshed).getString("access_token");
        assertEquals("new", kid(access));
        assertEquals(200, client.get("protected", bearer(access)).statusCode());

        CookieClient browser = new CookieClient(client.base())
                .with(CookieIT.REFRESH, Deployments.refresh().keyId("old").claim("csrf", "r").sign());
        HttpResponse<String> cookieRefresh = browser.post("session/refresh", null, CookieIT.CSRF_HEADER, "r");
        assertEquals(200, cookieRefresh.statusCode(), cookieRefresh.body());
        String renewed = browser.cookie(CookieIT.ACCESS);
        assertEquals("new", kid(renewed));
        assertEquals(200, new CookieClient(client.base()).with(CookieIT.ACCESS, renewed).get("protected").statusCode());
    }

    /** WildFly would answer a 500 to every one of them: freshjwt corrects it. */
    @Test
    void tokensOfAKeyThatIsNotInTheSetAreRefusedAsInvalid() {
        List<String> tokens = List.of(
                Deployments.freshAccess(Instant.now()).keyId("removed").signedWith(REMOVED.getPrivate()).sign(),
                Deployments.freshAccess(Instant.now()).signedWith(REMOVED.getPrivate()).sign(),
                Deployments.freshAccess(Instant.now()).keyId("new").signedWith(REMOVED.getPrivate()).sign(),
                Deployments.freshAccess(Instant.now()).keyId(42).sign());
        for (String token : tokens) {
            assertInvalidToken(client.get("protected", bearer(token)));
            assertInvalidToken(client.get(".well-known/jwks.json", bearer(token)));
        }
        assertInvalidToken(client.post("refresh", bearer(Deployments.refresh().keyId("removed")
                .signedWith(REMOVED.getPrivate()).sign()), null, null));
        assertInvalidToken(client.get("protected", "bearer " + tokens.get(0)));
    }

    private static String jwks(JsonWebKey.OutputControlLevel level) {
        try {
            return new JsonWebKeySet(jwk(NEW, "new"), jwk(OLD, "old")).toJson(level);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey jwk(KeyPair pair, String kid) throws JoseException {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId(kid);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    private static String kid(String token) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }
}
