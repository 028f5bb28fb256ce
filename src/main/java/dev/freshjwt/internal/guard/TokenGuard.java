package dev.freshjwt.internal.guard;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.ConfigValues;
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

    /** For the CDI proxy only. */
    protected TokenGuard() {
        this.rule = null;
        this.clock = null;
    }

    @Inject
    TokenGuard(Config config, Instance<Clock> clock) {
        this(new FreshnessRule(ConfigValues.clockSkew(config)), clock.isResolvable() ? clock.get() : Clock.systemUTC());
    }

    TokenGuard(FreshnessRule rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * @param requirement what the endpoint demands
     * @param jwt the caller's token as MicroProfile JWT verified it; {@code null} or empty when there is none
     * @param bearerSent whether the request carried a bearer token, usable or not
     * @return the reason to refuse, or empty when the request may proceed
     */
    public Optional<Rejection> check(Requirement requirement, JsonWebToken jwt, boolean bearerSent) {
        if (jwt == null || jwt.getRawToken() == null) {
            return bearerSent || requirement.tokenRequired()
                    ? Optional.of(Rejection.unauthenticated(bearerSent))
                    : Optional.empty();
        }
        TokenType type;
        boolean fresh;
        long authTime;
        try {
            type = ClaimValues.tokenType(jwt.getClaim(FreshJwtClaims.TYPE));
            fresh = ClaimValues.isTrue(jwt.getClaim(FreshJwtClaims.FRESH));
            authTime = ClaimValues.epochSeconds(jwt.getClaim(FreshJwtClaims.AUTH_TIME));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Unreadable claims in a verified token", e);
            return Optional.of(Rejection.invalid("The token's claims cannot be read"));
        }
        Optional<Rejection> rejection = rule.evaluate(requirement, type, fresh, authTime, clock.instant());
        if (rejection.isPresent() && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Refused token " + jwt.getTokenID() + ": " + rejection.get().description());
        }
        return rejection;
    }
}
