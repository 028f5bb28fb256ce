package dev.freshjwt.internal.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.testing.TestKeys;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class JoseLibraryTest {

    @Test
    void keyThatSignsAndVerifiesPasses() {
        KeyPair rsa = TestKeys.rsa();
        assertDoesNotThrow(() -> JoseLibrary.check(new SigningKey(rsa.getPrivate(), rsa.getPublic(), "k", "RS256")));
        KeyPair ec = TestKeys.ec("secp256r1");
        assertDoesNotThrow(() -> JoseLibrary.check(new SigningKey(ec.getPrivate(), ec.getPublic(), "k", "ES256")));
    }

    @Test
    void publicKeyOfAnotherPairFailsTheDeployment() {
        SigningKey mismatched = new SigningKey(TestKeys.rsa().getPrivate(), TestKeys.otherRsa().getPublic(), "k", "RS256");
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> JoseLibrary.check(mismatched))
                .getMessage().contains("freshjwt.sign.key.location"));
    }

    @Test
    void algorithmTheKeyCannotServeFailsTheDeploymentNamingTheLibrary() {
        SigningKey wrong = new SigningKey(TestKeys.rsa().getPrivate(), TestKeys.rsa().getPublic(), "k", "ES256");
        assertTrue(assertThrows(InvalidConfigurationException.class, () -> JoseLibrary.check(wrong))
                .getMessage().contains("jose4j from"));
    }

    @Test
    void locationNamesTheJar() {
        assertTrue(JoseLibrary.location().contains("jose4j"), JoseLibrary.location());
    }
}
