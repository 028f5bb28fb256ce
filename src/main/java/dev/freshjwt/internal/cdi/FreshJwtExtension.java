package dev.freshjwt.internal.cdi;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.keys.SigningKeyLoader;
import dev.freshjwt.internal.token.JoseLibrary;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment when an application that injects {@link TokenIssuer} lacks a usable issuer or signing
 * key, naming the configuration key to set. Loads that configuration once and hands it to the issuer.
 * Applications that only check tokens (never inject the issuer) need no signing key.
 */
public class FreshJwtExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(FreshJwtExtension.class.getName());

    private volatile boolean issuerInjected;
    private IssuerConfiguration issuer;

    void findIssuerInjection(@Observes ProcessInjectionPoint<?, ?> event) {
        if (!issuerInjected && mentionsIssuer(event.getInjectionPoint().getType())) {
            issuerInjected = true;
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        if (!issuerInjected) {
            return;
        }
        try {
            issuerConfiguration();
        } catch (FreshJwtException e) {
            LOG.severe("freshjwt cannot issue tokens: " + e.getMessage());
            event.addDeploymentProblem(e);
        }
    }

    /**
     * The issuer's settings and key, read on first use.
     *
     * @throws dev.freshjwt.InvalidConfigurationException naming the key to fix
     */
    public synchronized IssuerConfiguration issuerConfiguration() {
        if (issuer == null) {
            IssuerSettings settings = IssuerSettings.load(ConfigProvider.getConfig());
            SigningKey key = SigningKeyLoader.load(settings.keyLocation(), settings.keyId(), settings.algorithm(),
                    Thread.currentThread().getContextClassLoader());
            JoseLibrary.check(key);
            issuer = new IssuerConfiguration(settings, key);
            LOG.info("freshjwt signs tokens for issuer " + settings.issuer() + " with " + key + ", jose4j from "
                    + JoseLibrary.location());
        }
        return issuer;
    }

    private static boolean mentionsIssuer(Type type) {
        if (type == TokenIssuer.class) {
            return true;
        }
        return type instanceof ParameterizedType parameterized // Instance<TokenIssuer>, Provider<TokenIssuer>
                && Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(FreshJwtExtension::mentionsIssuer);
    }

    /**
     * What the issuer needs, loaded and checked. Immutable.
     *
     * @param settings the configuration values
     * @param key the signing key
     */
    public record IssuerConfiguration(IssuerSettings settings, SigningKey key) {
    }
}
