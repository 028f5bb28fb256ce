package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.TokenLocation;
import dev.freshjwt.internal.token.ClaimValues;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides, once per request and before any endpoint runs, whether the bearer token the request carries may be
 * used at all, so that every server answers alike. The servers disagree on what they accept:
 * <ul>
 *   <li>Payara and Open Liberty read only the exact scheme {@code Bearer }, WildFly also {@code bearer } or
 *       {@code BEARER }: freshjwt refuses any other spelling everywhere, whether the container verified the
 *       token or not;</li>
 *   <li>Payara and WildFly refuse a token they cannot verify with a 401 of their own, Open Liberty lets the
 *       request through anonymously: a bearer token without a verified {@link JsonWebToken} is refused;</li>
 *   <li>Payara demands {@code iss, sub, exp, iat, jti}, WildFly accepts a token without {@code jti} or
 *       {@code sub}, Liberty one without {@code iat}: a verified token lacking any of them is refused as the
 *       strictest server refuses it.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class BearerAdmission {

    /**
     * The request attribute (a JAX-RS request property too) that marks a request this check has already let
     * through, so that later stages of the same request do not repeat it.
     */
    public static final String ADMITTED = "dev.freshjwt.bearer-admitted";

    /** The one spelling of the scheme that every server reads. */
    public static final String SCHEME = "Bearer";

    static final String WRONG_SCHEME = "The authorization scheme must be spelled 'Bearer'";

    private static final String[] REQUIRED_CLAIMS = {"iss", "sub", "exp", "iat", "jti"};

    private BearerAdmission() {
    }

    /**
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @param verified the token the container verified for this request, or {@code null} when it verified none
     * @return the reason to refuse the request, or empty when the endpoint may look at it
     */
    public static Optional<Rejection> check(String authorization, JsonWebToken verified) {
        boolean bearer = Rejection.isBearer(authorization);
        if (bearer && !authorization.stripLeading().startsWith(SCHEME)) {
            return Optional.of(Rejection.invalid(WRONG_SCHEME));
        }
        if (verified == null || verified.getRawToken() == null) {
            return bearer ? Optional.of(Rejection.unauthenticated(true)) : Optional.empty();
        }
        return hasRequiredClaims(verified) ? Optional.empty() : Optional.of(Rejection.unauthenticated(true));
    }

    /**
     * What a 401 that the container sent by itself, before the application ran, means to the client: the bearer
     * token could not be verified (or was spelled another way), or there was none.
     */
    public static Rejection containerRefusal(String authorization) {
        return containerRefusal(authorization, TokenLocation.HEADER);
    }

    /** As {@link #containerRefusal(String)}, where tokens are read from {@code location}: no token is "not signed in". */
    public static Rejection containerRefusal(String authorization, TokenLocation location) {
        return check(authorization, null).orElseGet(() -> Rejection.missing(TokenType.ACCESS, location));
    }

    private static boolean hasRequiredClaims(JsonWebToken token) {
        try {
            for (String claim : REQUIRED_CLAIMS) {
                Object value = token.getClaim(claim);
                boolean present = claim.equals("exp") || claim.equals("iat")
                        ? ClaimValues.epochSeconds(value) != ClaimValues.ABSENT
                        : ClaimValues.text(value) != null;
                if (!present) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
