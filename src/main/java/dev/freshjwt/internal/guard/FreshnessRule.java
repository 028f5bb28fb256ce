package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.token.ClaimValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decision: does a verified token meet an endpoint's {@link Requirement}? Pure: no container, no
 * clock of its own. Thread-safe.
 */
public final class FreshnessRule {

    private final long skewSeconds;

    /**
     * @param skew the clock skew granted on {@code maxAge} ({@code mp.jwt.verify.clock.skew})
     */
    public FreshnessRule(Duration skew) {
        this.skewSeconds = skew.toSeconds();
    }

    /** {@link #evaluate(Requirement, TokenType, boolean, long, String, Instant)} for a token without {@code acr}. */
    public Optional<Rejection> evaluate(Requirement requirement, TokenType type, boolean fresh, long authTime,
            Instant now) {
        return evaluate(requirement, type, fresh, authTime, null, now);
    }

    /**
     * @param requirement what the endpoint demands
     * @param type the token's type; {@code null} for an unknown type claim
     * @param fresh the token's {@code fresh} claim
     * @param authTime the token's {@code auth_time} in epoch seconds, or {@link ClaimValues#ABSENT}
     * @param acr the token's {@code acr} claim, or {@code null}
     * @param now the current time
     * @return the reason to refuse, or empty when the token passes
     */
    public Optional<Rejection> evaluate(Requirement requirement, TokenType type, boolean fresh, long authTime, String acr,
            Instant now) {
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
        if (!fresh) {
            return Optional.of(stale(requirement, "A fresh login is required"));
        }
        if (!requirement.acr().isEmpty() && (acr == null || !requirement.acr().contains(acr))) {
            return Optional.of(stale(requirement, "A stronger authentication is required")
                    .because(TokenRefusal.Reason.ACR_NOT_MET));
        }
        if (requirement.hasMaxAge()) {
            if (authTime == ClaimValues.ABSENT) {
                return Optional.of(stale(requirement, "The token does not say when the user authenticated")
                        .because(TokenRefusal.Reason.LOGIN_TOO_OLD));
            }
            if (now.getEpochSecond() - authTime > requirement.maxAge() + skewSeconds) {
                return Optional.of(stale(requirement, "The last login is more than "
                        + requirement.maxAge() + " seconds ago").because(TokenRefusal.Reason.LOGIN_TOO_OLD));
            }
        }
        return Optional.empty();
    }

    private static Rejection stale(Requirement requirement, String description) {
        return Rejection.stale(description, requirement.maxAge(), requirement.acr());
    }
}
