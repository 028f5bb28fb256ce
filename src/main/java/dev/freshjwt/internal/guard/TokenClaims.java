package dev.freshjwt.internal.guard;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.token.ClaimValues;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the {@link FreshnessRule} reads from a verified token, read once. Immutable.
 *
 * @param type the token's type; {@code null} for an unknown {@code type} claim
 * @param fresh freshjwt's {@code fresh} claim; empty for a token without one, such as an OpenID provider's
 * @param issuedAt {@code iat} in epoch seconds, or {@link ClaimValues#ABSENT}
 * @param authTime {@code auth_time} in epoch seconds, or {@link ClaimValues#ABSENT}
 * @param acr the {@code acr} claim when it is a string, else {@code null}
 */
public record TokenClaims(TokenType type, Optional<Boolean> fresh, long issuedAt, long authTime, String acr) {

    /** A token of freshjwt's own, which says whether it is fresh; its {@code iat} does not matter. */
    public static TokenClaims own(TokenType type, boolean fresh, long authTime, String acr) {
        return new TokenClaims(type, Optional.of(fresh), ClaimValues.ABSENT, authTime, acr);
    }

    /** An access token from an OpenID provider: no {@code type}, no {@code fresh}. */
    public static TokenClaims provider(long issuedAt, long authTime, String acr) {
        return new TokenClaims(TokenType.ACCESS, Optional.empty(), issuedAt, authTime, acr);
    }

    /**
     * Reads the claims as the server hands them out.
     *
     * @param claim a token's claims by name ({@code JsonWebToken::getClaim})
     * @throws RuntimeException when the server cannot hand a claim out
     */
    public static TokenClaims read(Function<String, Object> claim) {
        return new TokenClaims(ClaimValues.tokenType(claim.apply(FreshJwtClaims.TYPE)),
                ClaimValues.freshFlag(claim.apply(FreshJwtClaims.FRESH)), ClaimValues.epochSeconds(claim.apply("iat")),
                ClaimValues.epochSeconds(claim.apply(FreshJwtClaims.AUTH_TIME)), ClaimValues.text(claim.apply(FreshJwtClaims.ACR)));
    }
}
