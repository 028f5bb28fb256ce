package dev.freshjwt.internal.cdi;

import dev.freshjwt.BackChannelLogout;
import dev.freshjwt.FreshJwtException;
import dev.freshjwt.InvalidConfigurationException;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.internal.config.FreshnessSettings;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.RevocationSettings;
import dev.freshjwt.internal.keys.SigningKeyLoader;
import dev.freshjwt.internal.keys.VerificationKeys;
import dev.freshjwt.internal.token.JoseLibrary;
import dev.freshjwt.internal.token.LogoutTokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment when an application that injects {@link TokenIssuer} (or reads tokens from cookies) lacks a
 * usable issuer or signing key, or has unusable cookie, revocation or freshness settings, naming the configuration key to
 * set. Loads that configuration once and hands it to the issuer. Applications that only check bearer tokens (never inject
 * the issuer), such as those that guard an OpenID provider's tokens, need no signing key: a {@link TokenIssuer} they look
 * up all the same fails on first use, naming the missing key. Where {@link BackChannelLogout} is injected, fails the
 * deployment without an issuer, a client id or a verification key. Keeps Payara's cookie bridge out of applications that do not need it, and the readiness
 * check out of applications that cannot see MicroProfile Health.
 */
public class FreshJwtExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(FreshJwtExtension.class.getName());
    private static final String PAYARA_BRIDGE = "dev.freshjwt.internal.payara.PayaraCookieMechanism";
    private static final String PAYARA_MECHANISM = "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";
    private static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";
    private static final String READINESS_CHECK = "dev.freshjwt.internal.health.FreshJwtReadinessCheck";

    private volatile boolean issuerInjected;
    private volatile boolean logoutInjected;
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
        if (!logoutInjected && mentions(event.getInjectionPoint().getType(), BackChannelLogout.class)) {
            logoutInjected = true;
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            RevocationSettings.load(ConfigProvider.getConfig());
            FreshnessSettings.load(ConfigProvider.getConfig());
            if (issuerRequired()) {
                issuerConfiguration();
            }
        } catch (FreshJwtException e) {
            LOG.severe("freshjwt cannot start: " + e.getMessage());
            event.addDeploymentProblem(e);
        }
        if (logoutInjected) {
            try {
                LogoutTokenVerifier.load(ConfigProvider.getConfig(), Thread.currentThread().getContextClassLoader(),
                        Clock.systemUTC());
            } catch (FreshJwtException e) {
                LOG.severe("freshjwt cannot start: " + e.getMessage());
                event.addDeploymentProblem(e);
            }
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
            issuer = loadIssuer(ConfigProvider.getConfig(), cookieSettings().cookie(), issuerRequired(),
                    Thread.currentThread().getContextClassLoader());
            List<SigningKey> keys = issuer.keys();
            LOG.info("freshjwt signs tokens for issuer " + issuer.settings().issuer() + " with " + issuer.key()
                    + (keys.size() > 1 ? " and verifies those of " + keys.subList(1, keys.size()) : "")
                    + ", jose4j from " + JoseLibrary.location());
        }
        return issuer;
    }

    /**
     * Whether the issuer's configuration is checked at deployment: where {@link TokenIssuer} is injected, or cookies are on
     * (the cookie bridge and implicit refresh mint tokens).
     */
    private boolean issuerRequired() {
        return issuerInjected || cookieSettings().cookie();
    }

    /**
     * Loads and checks the issuer's settings and keys.
     *
     * @param cookies whether tokens travel in cookies
     * @param checkedAtDeployment whether this is the check at deployment, or a first use that no injection announced (a
     *     programmatic lookup of {@link TokenIssuer} in an application that deployed without a signing key)
     * @throws InvalidConfigurationException naming the key to fix; on a first use that no injection announced, also saying
     *     why the deployment did not fail
     */
    static IssuerConfiguration loadIssuer(Config config, boolean cookies, boolean checkedAtDeployment, ClassLoader loader) {
        try {
            IssuerSettings settings = IssuerSettings.load(config, cookies);
            List<SigningKey> keys = SigningKeyLoader.loadAll(settings.keyLocation(), settings.keyId(),
                    settings.algorithm(), loader);
            VerificationKeys.requireVerifiable(keys.get(0), config, loader);
            JoseLibrary.check(keys.get(0));
            return new IssuerConfiguration(settings, keys);
        } catch (FreshJwtException e) {
            if (checkedAtDeployment) {
                throw e;
            }
            String problem = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            throw new InvalidConfigurationException("TokenIssuer cannot mint tokens. " + problem + " (The"
                    + " application deployed without checking this, since nothing injects TokenIssuer: an application"
                    + " that only checks tokens needs no signing key. Inject TokenIssuer where it is used, and a missing"
                    + " key fails the deployment instead.)", e);
        }
    }

    /**
     * The issuer's settings and key if they have been loaded: at deployment in an application that issues tokens, never
     * in one that only verifies them (which has no signing key). Loads nothing.
     */
    public synchronized Optional<IssuerConfiguration> loadedIssuerConfiguration() {
        return Optional.ofNullable(issuer);
    }

    /** Whether an injection point of this type gets a {@link TokenIssuer}, directly or through {@code Instance}/{@code Provider}. */
    static boolean mentionsIssuer(Type type) {
        return mentions(type, TokenIssuer.class);
    }

    /** Whether an injection point of this type gets a {@code bean}, directly or through {@code Instance}/{@code Provider}. */
    static boolean mentions(Type type, Class<?> bean) {
        if (type == bean) {
            return true;
        }
        return type instanceof ParameterizedType parameterized // Instance<TokenIssuer>, Provider<TokenIssuer>
                && Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(argument -> mentions(argument, bean));
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
