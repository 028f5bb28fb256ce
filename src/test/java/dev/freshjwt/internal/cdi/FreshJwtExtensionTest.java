package dev.freshjwt.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.BackChannelLogout;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenRevoker;
import dev.freshjwt.internal.cdi.FreshJwtExtension.IssuerConfiguration;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshJwtExtensionTest {

    private static final ClassLoader LOADER = FreshJwtExtensionTest.class.getClassLoader();
    private static final MapConfig WITHOUT_KEY = MapConfig.of("mp.jwt.verify.issuer", "https://provider.example");

    @TempDir
    Path folder;

    // Types of injection points, read by reflection.
    Instance<TokenIssuer> instance;
    Provider<TokenIssuer> provider;
    Instance<TokenRevoker> revoker;
    Instance<BackChannelLogout> backChannelLogout;

    @Test
    void theReadinessCheckIsAddedWhereMicroProfileHealthIsVisible() {
        assertEquals("dev.freshjwt.internal.health.FreshJwtReadinessCheck",
                FreshJwtExtension.readinessCheck(getClass().getClassLoader()).orElseThrow().getName());
    }

    @Test
    void withoutMicroProfileHealthNothingIsAddedAndNothingFails() {
        assertTrue(FreshJwtExtension.readinessCheck(new WithoutHealth(getClass().getClassLoader())).isEmpty());
    }

    @Test
    void everyWayOfInjectingTheIssuerMakesTheSigningKeyRequired() throws NoSuchFieldException {
        assertTrue(FreshJwtExtension.mentionsIssuer(TokenIssuer.class));
        for (String field : new String[] {"instance", "provider"}) {
            assertTrue(FreshJwtExtension.mentionsIssuer(getClass().getDeclaredField(field).getGenericType()), field);
        }
    }

    @Test
    void whatNeedsNoSigningKeyDoesNotRequireOne() throws NoSuchFieldException {
        assertFalse(FreshJwtExtension.mentionsIssuer(TokenRevoker.class));
        assertFalse(FreshJwtExtension.mentionsIssuer(getClass().getDeclaredField("revoker").getGenericType()));
        assertFalse(FreshJwtExtension.mentionsIssuer(String.class));
    }

    @Test
    void injectingBackChannelLogoutMakesItsConfigurationRequiredAndNotTheSigningKey() throws NoSuchFieldException {
        assertTrue(FreshJwtExtension.mentions(BackChannelLogout.class, BackChannelLogout.class));
        assertTrue(FreshJwtExtension.mentions(getClass().getDeclaredField("backChannelLogout").getGenericType(),
                BackChannelLogout.class));
        assertFalse(FreshJwtExtension.mentions(getClass().getDeclaredField("revoker").getGenericType(), BackChannelLogout.class));
        assertFalse(FreshJwtExtension.mentionsIssuer(getClass().getDeclaredField("backChannelLogout").getGenericType()));
    }

    @Test
    void aMissingKeyFailsTheDeploymentWithTheMessageItAlwaysHad() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> FreshJwtExtension.loadIssuer(WITHOUT_KEY, false, true, LOADER));
        assertEquals("No signing key: set freshjwt.sign.key.location to a PEM (PKCS#8) private key, a private JWK or a JWKS",
                e.getMessage());
    }

    @Test
    void anIssuerLookedUpWhereNothingInjectsItFailsOnFirstUseNamingTheMissingKey() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> FreshJwtExtension.loadIssuer(WITHOUT_KEY, false, false, LOADER));
        assertTrue(e.getMessage().startsWith("TokenIssuer cannot mint tokens. No signing key: set freshjwt.sign.key.location"),
                e.getMessage());
        assertTrue(e.getMessage().contains("since nothing injects TokenIssuer"), e.getMessage());
        InvalidConfigurationException noIssuer = assertThrows(InvalidConfigurationException.class,
                () -> FreshJwtExtension.loadIssuer(MapConfig.of(), false, false, LOADER));
        assertTrue(noIssuer.getMessage().startsWith("TokenIssuer cannot mint tokens. No issuer: set mp.jwt.verify.issuer"),
                noIssuer.getMessage());
    }

    @Test
    void anIssuerLookedUpWithAKeyWorksWithoutAnyInjection() throws IOException {
        KeyPair keys = TestKeys.rsa();
        Path key = Files.writeString(folder.resolve("private.pem"), TestKeys.privatePem(keys));
        IssuerConfiguration issuer = FreshJwtExtension.loadIssuer(MapConfig.of("mp.jwt.verify.issuer", "https://app.example",
                "freshjwt.sign.key.location", key.toUri().toString()), false, false, LOADER);
        assertEquals("https://app.example", issuer.settings().issuer());
        assertEquals("RS256", issuer.key().algorithm());
    }

    /** A server without MicroProfile Health, as the application sees it (Open Liberty without mpHealth). */
    private static final class WithoutHealth extends ClassLoader {

        WithoutHealth(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.eclipse.microprofile.health.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
