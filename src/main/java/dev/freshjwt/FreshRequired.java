package dev.freshjwt;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.freshjwt.internal.cdi.TokenChecked;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Requires a <em>fresh</em> access token: one minted right after the caller proved their credential, not by
 * a refresh. Put it on operations that deserve a recent password: changing the password or e-mail address,
 * granting privileges, paying.
 *
 * <pre>{@code
 * @Path("/account")
 * public class AccountResource {
 *
 *     @POST
 *     @Path("/password")
 *     @FreshRequired(maxAge = 300)      // fresh, and the password was typed at most five minutes ago
 *     public void changePassword(PasswordChange change) { ... }
 * }
 * }</pre>
 *
 * <p>A token passes when it is an access token whose {@code fresh} claim is {@code true} and, when
 * {@link #maxAge()} is set, whose {@code auth_time} lies at most {@code maxAge} seconds in the past (the clock
 * skew of {@code mp.jwt.verify.clock.skew} is allowed for). Otherwise the client gets the RFC 9470 step-up
 * challenge and should ask the user for their credential again:
 *
 * <pre>
 * HTTP/1.1 401 Unauthorized
 * WWW-Authenticate: Bearer error="insufficient_user_authentication",
 *     error_description="A fresh login is required", max_age="300"
 * Content-Type: application/problem+json
 *
 * {"type":"https://freshjwt.dev/problems/insufficient-user-authentication", "status":401, ...}
 * </pre>
 *
 * <p>A token without freshjwt's {@code fresh} claim, such as an OpenID provider's (Keycloak, Entra ID, Okta, Auth0),
 * is fresh when the provider issued it right after the user authenticated: its {@code iat} at most
 * {@value FreshJwtConfig#PROVIDER_FRESH_WINDOW} (one minute) after its {@code auth_time}. One from the provider's refresh
 * grant or single-sign-on session is not, nor is one without {@code auth_time}; their challenge says
 * {@code max_age="0"}, so the client has the provider ask for the password again. {@link #maxAge()} and {@link #acr()}
 * read the same claims of both kinds of token.
 *
 * <p>A missing, invalid or refresh token is answered as by {@link AccessTokenRequired}. Works on JAX-RS
 * resource methods and classes (checked by a request filter before the method runs) and on CDI beans and
 * EJBs (checked by an interceptor; the {@link TokenRejectedException} it throws is an EJB application
 * exception, so a resource calling the bean answers the same 401).
 */
@Inherited
@InterceptorBinding
@TokenChecked
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface FreshRequired {

    /** The default of {@link #maxAge()}: no limit beyond the {@code fresh} flag. */
    long NO_MAX_AGE = -1;

    /**
     * The most seconds that may have passed since the user last proved their credential ({@code auth_time}).
     * Default: no limit; the {@code fresh} flag alone decides. A token without {@code auth_time} never
     * satisfies a {@code maxAge}.
     *
     * @return the maximum authentication age in seconds, or {@link #NO_MAX_AGE}
     */
    @Nonbinding
    long maxAge() default NO_MAX_AGE;

    /**
     * How the user must have authenticated: the token's {@code acr} claim must be one of these values (any one
     * satisfies; list them in order of preference, the challenge names them so). Default: any, or none. A token that
     * falls short gets the RFC 9470 challenge with {@code acr_values}, so the client can log the user in again with a
     * stronger method, such as a second factor:
     *
     * <pre>{@code
     * @POST @Path("transfer")
     * @FreshRequired(acr = "mfa", maxAge = 300)   // password and one-time code, at most five minutes ago
     * public Receipt transfer(Transfer transfer) { ... }
     * }</pre>
     *
     * <pre>
     * HTTP/1.1 401 Unauthorized
     * WWW-Authenticate: Bearer error="insufficient_user_authentication",
     *     error_description="A stronger authentication is required", acr_values="mfa", max_age="300"
     * </pre>
     *
     * Mint tokens with an {@code acr} through
     * {@link TokenIssuer#login(String, java.util.Collection, String, java.util.Collection)}.
     *
     * @return the acceptable {@code acr} values, strongest preferred first; empty for no requirement
     */
    @Nonbinding
    String[] acr() default {};
}
