/**
 * freshjwt: token freshness for Jakarta EE and MicroProfile JWT.
 *
 * <p>{@link dev.freshjwt.TokenIssuer} mints access and refresh tokens; {@link dev.freshjwt.FreshRequired},
 * {@link dev.freshjwt.AccessTokenRequired} and {@link dev.freshjwt.RefreshTokenRequired} guard JAX-RS resources,
 * CDI beans and EJBs; {@link dev.freshjwt.TokenRevoker} revokes. Configuration keys are in
 * {@link dev.freshjwt.FreshJwtConfig}, claim names in {@link dev.freshjwt.FreshJwtClaims}. Everything under
 * {@code dev.freshjwt.internal} is not API and may change in any release.
 */
package dev.freshjwt;
