package dev.freshjwt;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.freshjwt.internal.cdi.TokenChecked;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Requires a valid <em>refresh</em> token: the only place where one is accepted. The counterpart of AuthX's
 * {@code refresh_token_required}.
 *
 * <pre>{@code
 * @POST
 * @Path("/refresh")
 * @RefreshTokenRequired
 * public TokenResponse refresh(@Context SecurityContext security) {
 *     return new TokenResponse(issuer.refresh((JsonWebToken) security.getUserPrincipal()));
 * }
 * }</pre>
 *
 * <p>The refresh token arrives as {@code Authorization: Bearer <refresh token>} and is verified by the
 * container's MicroProfile JWT like any other token. An access token, a missing or an invalid token gets
 * {@code 401} with {@code WWW-Authenticate: Bearer} (and {@code error="invalid_token"} when a token was sent).
 */
@Inherited
@InterceptorBinding
@TokenChecked
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface RefreshTokenRequired {
}
