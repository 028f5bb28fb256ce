package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.testing.TestKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verifying our own tokens (refresh(String), token cookies) with one key, and with the keys of a rotation. */
class OwnTokenVerifierTest {

    private static final String ISSUER = "https://issuer.test";
    private static final KeyPair OLD = TestKeys.rsa();
    private static final KeyPair NEW = TestKeys.otherRsa();
    private static final KeyPair REMOVED = TestKeys.generate("RSA", 2048);

    @Test
    void withOneKeyItsTokensVerifyWhateverKidTheyName() {
        OwnTokenVerifier verifier = verifier(key(OLD, null, "old"));
        assertTrue(verifier.verify(token(OLD.getPrivate(), "old")).isPresent());
        assertTrue(verifier.verify(token(OLD.getPrivate(), "another")).isPresent());
        assertTrue(verifier.verify(token(OLD.getPrivate(), null)).isPresent());
        assertTrue(verifier.verify(token(REMOVED.getPrivate(), "old")).isEmpty());
    }

    @Test
    void duringARotationTheKidPicksTheKeyAndOnlyKeysOfTheSetVerify() {
        OwnTokenVerifier verifier = verifier(key(NEW, NEW.getPrivate(), "new"), key(OLD, null, "old"));
        assertEquals("alice", verifier.verify(token(NEW.getPrivate(), "new")).orElseThrow().getClaimValue("sub"));
        assertEquals("alice", verifier.verify(token(OLD.getPrivate(), "old")).orElseThrow().getClaimValue("sub"));
        assertTrue(verifier.verify(token(OLD.getPrivate(), "new")).isEmpty(), "a kid that names another key");
        assertTrue(verifier.verify(token(REMOVED.getPrivate(), "removed")).isEmpty(), "a removed key");
        assertTrue(verifier.verify(token(OLD.getPrivate(), null)).isEmpty(), "no kid: only the signing key is tried");
        assertTrue(verifier.verify(token(NEW.getPrivate(), null)).isPresent());
    }

    private static OwnTokenVerifier verifier(SigningKey... keys) {
        IssuerSettings settings = new IssuerSettings(ISSUER, List.of(), Duration.ofMinutes(15), Duration.ofDays(30),
                "unused", Optional.empty(), Optional.empty(), Duration.ofSeconds(60), false, false);
        return new OwnTokenVerifier(settings, List.of(keys), Clock.systemUTC());
    }

    private static SigningKey key(KeyPair pair, PrivateKey privateKey, String kid) {
        return new SigningKey(privateKey, pair.getPublic(), kid, "RS256");
    }

    private static String token(PrivateKey key, String kid) {
        return SignedTokens.rs256(key, ISSUER, 60, kid);
    }
}
