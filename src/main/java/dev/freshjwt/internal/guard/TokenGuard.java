package dev.freshjwt.internal.guard;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.internal.config.FreshnessSettings;
import dev.freshjwt.internal.config.TokenLocation;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Applies a {@link Requirement} to the caller's verified token: the one place where the JAX-RS filter and
 * the interceptors meet the {@link FreshnessRule}. The clock is the application's {@code Clock} bean when
 * there is one (tests move time with it), else the system clock.
 */
@ApplicationScoped
public class TokenGuard {

    private static final Logger LOG = Logger.getLogger(TokenGuard.class.getName());

    private final FreshnessRule rule;
    private final Clock clock;
    private final Revocations revocations;
    private final TokenLocation location;

    /** For the CDI proxy only. */
    protected TokenGuard() {
        this.rule = null;
        this.clock = null;
        this.revocations = null;
        this.location = null;
    }

    @Inject
    TokenGuard(Config config, Instance<Clock> clock, Revocations revocations) {
        this(new FreshnessRule(FreshnessSettings.load(config)), clock.isResolvable() ? clock.get() : Clock.systemUTC(),
                revocations, TokenLocation.load(config));
    }

    /** Bearer headers only. */
    TokenGuard(FreshnessRule rule, Clock clock, Revocations revocations) {
        this(rule, clock, revocations, TokenLocation.HEADER);
    }

    TokenGuard(FreshnessRule rule, Clock clock, Revocations revocations, TokenLocation location) {
        this.rule = rule;
        this.clock = clock;
        this.revocations = revocations;
        this.location = location;
    }

    /**
     * @param requirement what the endpoint demands
     * @param jwt the caller's token as MicroProfile JWT verified it; {@code null} or empty when there is none
     * @param bearerSent whether the request carried a bearer token, usable or not
     * @param cookieRefusal why the request's token cookie was not used (invalid, or a failed CSRF check), or
     *     {@code null}: the answer where a token is required
     * @return the reason to refuse, or empty when the request may proceed
     */
    public Optional<Rejection> check(Requirement requirement, JsonWebToken jwt, boolean bearerSent,
            Rejection cookieRefusal) {
        if (jwt == null || jwt.getRawToken() == null) {
            if (bearerSent) {
                return Optional.of(Rejection.unauthenticated(true));
            }
            if (!requirement.tokenRequired()) {
                return Optional.empty();
            }
            return Optional.of(cookieRefusal != null ? cookieRefusal : Rejection.missing(requirement.type(), location));
        }
        Optional<Rejection> rejection;
        try {
            rejection = rule.evaluate(requirement, TokenClaims.read(jwt::getClaim), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Unreadable claims in a verified token", e);
            return Optional.of(Rejection.invalid("The token's claims cannot be read"));
        }
        if (rejection.isEmpty()) {
            rejection = Rejection.of(revocationStatus(jwt));
        }
        if (rejection.isPresent() && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Refused token " + jwt.getTokenID() + ": " + rejection.get().description());
        }
        return rejection;
    }

    private Revocations.Status revocationStatus(JsonWebToken jwt) {
        return revocations.check(ClaimValues.text(jwt.getClaim("jti")),
                ClaimValues.text(jwt.getClaim(FreshJwtClaims.SESSION_ID)), ClaimValues.text(jwt.getClaim("sub")),
                Math.max(0, ClaimValues.epochSeconds(jwt.getClaim("iat"))));
    }
}
