package dev.freshjwt;

/**
 * The two kinds of token freshjwt mints, told apart by the {@value FreshJwtClaims#TYPE} claim.
 */
public enum TokenType {

    /** Grants access to resources; may be fresh. Claim value {@code "access"}. */
    ACCESS("access"),

    /** Only buys new access tokens at {@link RefreshTokenRequired} endpoints. Claim value {@code "refresh"}. */
    REFRESH("refresh");

    private final String claimValue;

    TokenType(String claimValue) {
        this.claimValue = claimValue;
    }

    /**
     * The value of the {@value FreshJwtClaims#TYPE} claim that marks this kind of token.
     *
     * @return {@code "access"} or {@code "refresh"}
     */
    public String claimValue() {
        return claimValue;
    }
}
