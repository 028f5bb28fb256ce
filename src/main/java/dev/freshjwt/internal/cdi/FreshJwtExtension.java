package dev.freshjwt.internal.cdi;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.RevocationSettings;
import dev.freshjwt.internal.keys.SigningKeyLoader;
import dev.freshjwt.internal.keys.VerificationKeys;
import dev.freshjwt.internal.token.JoseLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment when an application that injects {@link TokenIssuer} (or reads tokens from cookies) lacks a
 * usable issuer or signing key, or has unusable cookie or revocation settings, naming the configuration key to set. Loads that
 * configuration once and hands it to the issuer. Applications that only check bearer tokens (never inject the
 * issuer) need no signing key. Keeps Payara's cookie bridge out of applications that do not need it, and the readiness
 * check out of applications that cannot see MicroProfile Health.
 */
public class FreshJwtExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(FreshJwtExtension.class.getName());
    private static final String PAYARA_BRIDGE = "dev.freshjwt.internal.payara.PayaraCookieMechanism";
    private static final String PAYARA_MECHANISM = "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";
    private static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";
    private static final String READINESS_CHECK = "dev.freshjwt.internal.health.FreshJwtReadinessCheck";

    private volatile boolean issuerInjected;
    private IssuerConfiguration issuer;
    private CookieSettings cookies;

    /**
     * Payara's cookie bridge becomes a bean only on Payara with cookies on: elsewhere a Jakarta Security mechanism would
     * replace the server's MP JWT (Open Liberty even refuses to deploy an application with one beside
     * {@code @LoginConfig}). So its class carries no bean-defining annotation and is added here, by name: where Jakarta
     * Security is absent it cannot even load.
     */
    void addPayaraBridgeWhereItBelongs(@Observes BeforeBeanDiscovery event) {
        try {
            if (!cookieSettings().cookie() || !onPayara()) {
                return;
            }
        } catch (FreshJwtException e) {
            return; // reported by validate, as a deployment problem naming the key
        }
        try {
            Class<?> bridge = Class.forName(PAYARA_BRIDGE, true, FreshJwtExtension.class.getClassLoader());
            event.addAnnotatedType(bridge, PAYARA_BRIDGE).add(ApplicationScoped.Literal.INSTANCE);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("freshjwt's own " + PAYARA_BRIDGE + " is missing", e);
        }
    }

    /**
     * freshjwt's readiness check becomes a bean only where the application sees MicroProfile Health: it implements
     * {@code HealthCheck}, so on a server without it (Open Liberty without {@code mpHealth}) it cannot even load. Like the
     * bridge, its class carries no bean-defining annotation and is added here, by name.
     */
    void addReadinessCheckWhereHealthIs(@Observes BeforeBeanDiscovery event) {
        readinessCheck(FreshJwtExtension.class.getClassLoader()).ifPresent(
                check -> event.addAnnotatedType(check, READINESS_CHECK).add(ApplicationScoped.Literal.INSTANCE));
    }

    /** freshjwt's readiness check, when {@code loader} (freshjwt's own) sees MicroProfile Health. */
    static Optional<Class<?>> readinessCheck(ClassLoader loader) {
        try {
            Class.forName(HEALTH_CHECK, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(READINESS_CHECK, false, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("freshjwt's own " + READINESS_CHECK + " is missing", e);
        }
    }

    /** Whether this runs on Payara: its MicroProfile JWT mechanism is visible to the application. */
    private static boolean onPayara() {
        try {
            Class.forName(PAYARA_MECHANISM, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    void findIssuerInjection(@Observes ProcessInjectionPoint<?, ?> event) {
        if (!issuerInjected && mentionsIssuer(event.getInjectionPoint().getType())) {
            issuerInjected = true;
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            RevocationSettings.load(ConfigProvider.getConfig());
            if (cookieSettings().cookie() || issuerInjected) {
                issuerConfiguration();
            }
        } catch (FreshJwtException e) {
            LOG.severe("freshjwt cannot start: " + e.getMessage());
            event.addDeploymentProblem(e);
        }
    }

    /**
     * Where tokens travel and how their cookies look, read on first use.
     *
     * @throws dev.freshjwt.InvalidConfigurationException naming the key to fix
     */
    public synchronized CookieSettings cookieSettings() {
        if (cookies == null) {
            cookies = CookieSettings.load(ConfigProvider.getConfig());
        }
        return cookies;
    }

    /**
     * The issuer's settings and key, read on first use.
     *
     * @throws dev.freshjwt.InvalidConfigurationException naming the key to fix
     */
    public synchronized IssuerConfiguration issuerConfiguration() {
        if (issuer == null) {
            Config config = ConfigProvider.getConfig();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            IssuerSettings settings = IssuerSettings.load(config, cookieSettings().cookie());
            List<SigningKey> keys = SigningKeyLoader.loadAll(settings.keyLocation(), settings.keyId(),
                    settings.algorithm(), loader);
            VerificationKeys.requireVerifiable(keys.get(0), config, loader);
            JoseLibrary.check(keys.get(0));
            issuer = new IssuerConfiguration(settings, keys);
            LOG.info("freshjwt signs tokens for issuer " + settings.issuer() + " with " + issuer.key()
                    + (keys.size() > 1 ? " and verifies those of " + keys.subList(1, keys.size()) : "")
                    + ", jose4j from " + JoseLibrary.location());
        }
        return issuer;
    }

    /**
     * The issuer's settings and key if they have been loaded: at deployment in an application that issues tokens, never
     * in one that only verifies them (which has no signing key). Loads nothing.
     */
    public synchronized Optional<IssuerConfiguration> loadedIssuerConfiguration() {
        return Optional.ofNullable(issuer);
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
     * @param keys every key whose tokens are valid, the signing key first; more than one during a key rotation
     */
    public record IssuerConfiguration(IssuerSettings settings, List<SigningKey> keys) {

        /** Copies {@code keys}, which must not be empty. */
        public IssuerConfiguration {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no signing key");
            }
        }

        /** With one key, which signs and verifies. */
        public IssuerConfiguration(IssuerSettings settings, SigningKey key) {
            this(settings, List.of(key));
        }

        /** The key that signs. */
        public SigningKey key() {
            return keys.get(0);
        }
    }
}
