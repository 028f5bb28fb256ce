package dev.freshjwt.internal.undertow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Which bearer tokens WildFly has no key for (and would answer with a 500). */
class UnknownKeyCheckTest {

    private static final KeyPair OLD = TestKeys.rsa();
    private static final KeyPair NEW = TestKeys.otherRsa();
    private static final ClassLoader LOADER = UnknownKeyCheckTest.class.getClassLoader();

    @Test
    void withAJwksATokenWhoseKidNamesNoKeyOfItHasNoKey() throws Exception {
        UnknownKeyCheck check = UnknownKeyCheck.load(MapConfig.of("mp.jwt.verify.publickey", jwks()), LOADER).orElseThrow();
        assertFalse(check.noKeyFor("Bearer " + token(NEW.getPrivate(), "new")));
        assertFalse(check.noKeyFor("Bearer " + token(NEW.getPrivate(), "old")), "the signature is the server's to check");
        assertTrue(check.noKeyFor("Bearer " + token(NEW.getPrivate(), "removed")));
        assertTrue(check.noKeyFor("bearer " + token(NEW.getPrivate(), "removed")), "WildFly reads any spelling");
        assertTrue(check.noKeyFor("Bearer " + token(NEW.getPrivate(), null)), "several keys and no kid");
        assertTrue(check.noKeyFor("Bearer " + token(NEW.getPrivate(), 42)), "a kid that is not a string");
    }

    @Test
    void whatIsNoBearerJwsIsLeftToTheServer() throws Exception {
        UnknownKeyCheck check = UnknownKeyCheck.load(MapConfig.of("mp.jwt.verify.publickey", jwks()), LOADER).orElseThrow();
        assertFalse(check.noKeyFor(null));
        assertFalse(check.noKeyFor("Basic dGVzdDp0ZXN0"));
        assertFalse(check.noKeyFor("Bearer garbage"));
        assertFalse(check.noKeyFor("Bearer "));
        assertFalse(check.noKeyFor("Bearer a.b.c.d.e"));
    }

    @Test
    void aPemKeyOrKeysFetchedOverHttpNeedNoCheck() throws Exception {
        assertTrue(UnknownKeyCheck.load(MapConfig.of("mp.jwt.verify.publickey", TestKeys.publicPem(OLD)), LOADER).isEmpty());
        assertTrue(UnknownKeyCheck.load(MapConfig.of("mp.jwt.verify.publickey.location", "https://issuer.test/jwks"), LOADER)
                .isEmpty());
        assertTrue(UnknownKeyCheck.load(MapConfig.of(), LOADER).isEmpty(), "no key: the server reports it");
    }

    private static String jwks() throws Exception {
        PublicJsonWebKey next = PublicJsonWebKey.Factory.newPublicJwk(NEW.getPublic());
        next.setKeyId("new");
        PublicJsonWebKey old = PublicJsonWebKey.Factory.newPublicJwk(OLD.getPublic());
        old.setKeyId("old");
        return new JsonWebKeySet(next, old).toJson();
    }

    private static String token(PrivateKey key, Object kid) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"sub\":\"alice\"}");
        jws.setKey(key);
        jws.setAlgorithmHeaderValue("RS256");
        if (kid != null) {
            jws.getHeaders().setObjectHeaderValue("kid", kid);
        }
        return jws.getCompactSerialization();
    }
}
