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
 * Requires a valid <em>access</em> token, fresh or not. The counterpart of AuthX's
 * {@code access_token_required}.
 *
 * <pre>{@code
 * @GET
 * @Path("/protected")
 * @AccessTokenRequired
 * public String protectedResource(@Context SecurityContext security) { ... }
 * }</pre>
 *
 * <p>What the client gets instead of the method's result:
 * <ul>
 *   <li>no token: {@code 401}, {@code WWW-Authenticate: Bearer}, problem type {@code missing-token};</li>
 *   <li>a malformed, forged or expired token, or a <em>refresh</em> token: {@code 401},
 *       {@code WWW-Authenticate: Bearer error="invalid_token"}, problem type {@code invalid-token}.</li>
 * </ul>
 *
 * <p>A token without freshjwt's {@code type} claim (for example one minted by an identity provider and
 * accepted by MicroProfile JWT) counts as an access token. Refresh tokens are refused on every JAX-RS
 * endpoint that does not carry {@link RefreshTokenRequired}, annotated or not; this annotation also makes the
 * token mandatory. Works on JAX-RS resources, CDI beans and EJBs, like {@link FreshRequired}.
 */
@Inherited
@InterceptorBinding
@TokenChecked
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface AccessTokenRequired {
}
