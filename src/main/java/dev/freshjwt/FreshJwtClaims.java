package dev.freshjwt;

/**
 * Names of the claims freshjwt adds to the standard MicroProfile JWT ones ({@code iss, sub, upn, groups,
 * aud, iat, exp, jti}).
 */
public final class FreshJwtClaims {

    /** {@code "type"}: {@code "access"} or {@code "refresh"} (see {@link TokenType}), as in AuthX and flask-jwt-extended. */
    public static final String TYPE = "type";

    /** {@code "fresh"}: JSON boolean on access tokens; {@code true} only right after a credential login. */
    public static final String FRESH = "fresh";

    /** {@code "auth_time"}: seconds since the epoch when the user last proved their credential (OpenID Connect). */
    public static final String AUTH_TIME = "auth_time";

    /**
     * {@code "access_groups"}: on refresh tokens, the groups that access tokens minted from them receive.
     * Refresh tokens carry no {@code groups} claim, so {@code @RolesAllowed} refuses them by itself.
     */
    public static final String ACCESS_GROUPS = "access_groups";

    /**
     * {@code "sid"}: the session, one per credential login, shared by the refresh tokens and access tokens that
     * descend from it (OpenID Connect's session id). Revoking it revokes them all.
     */
    public static final String SESSION_ID = "sid";

    /**
     * {@code "csrf"}: a random value on tokens minted while cookies are enabled ({@code freshjwt.token.location}).
     * An unsafe request authenticated by a token cookie must repeat it in the CSRF header; it is compared with this
     * claim, never with a cookie (signed double-submit).
     */
    public static final String CSRF = "csrf";

    /**
     * {@code "acr"}: the authentication context class reference, how strongly the user authenticated at login (OpenID
     * Connect, RFC 9470); set by {@link TokenIssuer#login(String, java.util.Collection, String, java.util.Collection)}
     * and kept through refreshes. {@code @FreshRequired(acr = …)} demands one of given values.
     */
    public static final String ACR = "acr";

    /**
     * {@code "amr"}: the authentication methods used at login, RFC 8176 values such as {@code "pwd"}, {@code "otp"},
     * {@code "hwk"}, {@code "mfa"}; a JSON array kept through refreshes.
     */
    public static final String AMR = "amr";

    /**
     * {@code "gen"}: on refresh tokens while rotation is on ({@code freshjwt.refresh-token.rotation}), the token's
     * place in its session: absent (0) at login, one more at each rotation. Only the session's current generation can
     * be used; an older one is a stolen token.
     */
    public static final String GENERATION = "gen";

    private FreshJwtClaims() {
    }
}
