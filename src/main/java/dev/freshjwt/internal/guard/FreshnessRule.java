package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.FreshnessSettings;
import dev.freshjwt.internal.token.ClaimValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decision: does a verified token meet an endpoint's {@link Requirement}? Pure: no container, no
 * clock of its own. Thread-safe.
 *
 * <p>freshjwt's own tokens say whether they are fresh ({@code fresh}: true only from a login). A token without that
 * claim, an OpenID provider's, is fresh when the provider issued it right after the user authenticated: {@code iat}
 * at most the fresh window after {@code auth_time}. A token from the provider's refresh grant, or one its single
 * sign-on session handed out later without the password, keeps the old {@code auth_time} under a new {@code iat}; a
 * token without {@code auth_time} (the password grant) never is fresh. {@code maxAge} and {@code acr} are read alike
 * from both kinds.
 */
public final class FreshnessRule {

    private final long skewSeconds;
    private final long windowSeconds;

    /**
     * With the default fresh window for provider tokens.
     *
     * @param skew the clock skew granted on {@code maxAge} ({@code mp.jwt.verify.clock.skew})
     */
    public FreshnessRule(Duration skew) {
        this(skew, FreshnessSettings.DEFAULT_PROVIDER_FRESH_WINDOW);
    }

    /**
     * @param skew the clock skew granted on {@code maxAge} ({@code mp.jwt.verify.clock.skew}), and by which a provider
     *     token's {@code auth_time} may lie after its {@code iat} (the provider's nodes' clocks may differ)
     * @param providerFreshWindow how long after {@code auth_time} a provider may have issued a fresh token
     */
    public FreshnessRule(Duration skew, Duration providerFreshWindow) {
        this.skewSeconds = skew.toSeconds();
        this.windowSeconds = providerFreshWindow.toSeconds();
    }

    /** With the configured skew and window. */
    public FreshnessRule(FreshnessSettings settings) {
        this(settings.clockSkew(), settings.providerFreshWindow());
    }

    /** {@link #evaluate(Requirement, TokenType, boolean, long, String, Instant)} for a token without {@code acr}. */
    public Optional<Rejection> evaluate(Requirement requirement, TokenType type, boolean fresh, long authTime,
            Instant now) {
        return evaluate(requirement, type, fresh, authTime, null, now);
    }

    /** {@link #evaluate(Requirement, TokenClaims, Instant)} for a token of freshjwt's own. */
    public Optional<Rejection> evaluate(Requirement requirement, TokenType type, boolean fresh, long authTime, String acr,
            Instant now) {
        return evaluate(requirement, TokenClaims.own(type, fresh, authTime, acr), now);
    }

    /**
     * @param requirement what the endpoint demands
     * @param token the token's claims
     * @param now the current time
     * @return the reason to refuse, or empty when the token passes
     */
    public Optional<Rejection> evaluate(Requirement requirement, TokenClaims token, Instant now) {
        TokenType type = token.type();
        if (type == null) {
            return Optional.of(Rejection.invalid("The token type is not recognised"));
        }
        if (type != requirement.type()) {
            return Optional.of(Rejection.invalid(type == TokenType.REFRESH
                    ? "A refresh token cannot be used as an access token"
                    : "This endpoint requires a refresh token").because(TokenRefusal.Reason.WRONG_TOKEN_TYPE));
        }
        if (!requirement.fresh()) {
            return Optional.empty();
        }
        Optional<Rejection> notFresh = token.fresh().isPresent() ? ownFreshness(requirement, token.fresh().get())
                : providerFreshness(requirement, token);
        if (notFresh.isPresent()) {
            return notFresh;
        }
        String acr = token.acr();
        if (!requirement.acr().isEmpty() && (acr == null || !requirement.acr().contains(acr))) {
            return Optional.of(stale(requirement, "A stronger authentication is required")
                    .because(TokenRefusal.Reason.ACR_NOT_MET));
        }
        if (requirement.hasMaxAge()) {
            if (token.authTime() == ClaimValues.ABSENT) {
                return Optional.of(stale(requirement, "The token does not say when the user authenticated")
                        .because(TokenRefusal.Reason.LOGIN_TOO_OLD));
            }
            if (now.getEpochSecond() - token.authTime() > requirement.maxAge() + skewSeconds) {
                return Optional.of(stale(requirement, "The last login is more than "
                        + requirement.maxAge() + " seconds ago").because(TokenRefusal.Reason.LOGIN_TOO_OLD));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> ownFreshness(Requirement requirement, boolean fresh) {
        return fresh ? Optional.empty() : Optional.of(stale(requirement, "A fresh login is required"));
    }

    /**
     * A provider's token that was not issued right after an authentication is answered with {@code max_age="0"},
     * whatever the endpoint's {@code maxAge}: only a new active login gets a fresh one (OpenID Connect: {@code max_age=0}
     * is {@code prompt=login}). The endpoint's {@code maxAge} would let the provider answer from its session, with a
     * new token of the old {@code auth_time}: not fresh either, and the client would go round in circles.
     * The lower bound is the clock skew, not zero: {@code iat} and {@code auth_time} may come from provider nodes
     * whose clocks differ.
     */
    private Optional<Rejection> providerFreshness(Requirement requirement, TokenClaims token) {
        if (token.authTime() == ClaimValues.ABSENT) {
            return Optional.of(newLogin(requirement, "A fresh login is required: the token does not say when the user"
                    + " authenticated"));
        }
        long issuedAfter = token.issuedAt() - token.authTime();
        if (token.issuedAt() == ClaimValues.ABSENT || issuedAfter > windowSeconds || issuedAfter < -skewSeconds) {
            return Optional.of(newLogin(requirement, "A fresh login is required: the token was not issued right after"
                    + " the login"));
        }
        return Optional.empty();
    }

    private static Rejection stale(Requirement requirement, String description) {
        return Rejection.stale(description, requirement.maxAge(), requirement.acr());
    }

    private static Rejection newLogin(Requirement requirement, String description) {
        return Rejection.stale(description, 0, requirement.acr());
    }
}
