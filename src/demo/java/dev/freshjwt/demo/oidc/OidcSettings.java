package dev.freshjwt.demo.oidc;

import dev.freshjwt.FreshJwtConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The demo's settings for signing in at an OpenID provider, from MicroProfile Config (demo keys, not freshjwt's):
 * {@code demo.oidc.issuer} (the provider's issuer; its endpoints come from its discovery document),
 * {@code demo.oidc.client-id}, {@code demo.oidc.client-secret} (a confidential client), optionally
 * {@code demo.oidc.redirect-uri} (else {@code oidc/callback} below the URL the browser used) and
 * {@code demo.oidc.login-hint} (the demo user's credentials, shown on the page). All three of the first are needed:
 * without them the page logs in with passwords as usual and {@code /oidc/...} answers 404.
 *
 * @param freshWindow {@code freshjwt.provider.fresh-window}, as freshjwt reads it (default one minute)
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, Optional<String> redirectUri,
        Optional<String> loginHint, Duration freshWindow) {

    static final String ISSUER = "demo.oidc.issuer";
    static final String CLIENT_ID = "demo.oidc.client-id";
    static final String CLIENT_SECRET = "demo.oidc.client-secret";
    static final String REDIRECT_URI = "demo.oidc.redirect-uri";
    static final String LOGIN_HINT = "demo.oidc.login-hint";

    /** The settings, or empty when the demo is not configured for a provider. */
    static Optional<OidcSettings> current() {
        Config config = ConfigProvider.getConfig();
        Optional<String> issuer = text(config, ISSUER);
        Optional<String> clientId = text(config, CLIENT_ID);
        Optional<String> secret = text(config, CLIENT_SECRET);
        if (issuer.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Duration window = Duration.ofMinutes(1);
        try {
            window = text(config, FreshJwtConfig.PROVIDER_FRESH_WINDOW).map(Duration::parse).orElse(window);
        } catch (DateTimeParseException e) {
            // freshjwt itself refuses the deployment for it; the page then shows the default
        }
        return Optional.of(new OidcSettings(issuer.get().replaceAll("/+$", ""), clientId.get(), secret.get(),
                text(config, REDIRECT_URI), text(config, LOGIN_HINT), window));
    }

    /** Whether the page signs in at the provider. */
    public static boolean enabled() {
        return current().isPresent();
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
