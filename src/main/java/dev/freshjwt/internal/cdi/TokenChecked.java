package dev.freshjwt.internal.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The interceptor binding that {@code @FreshRequired}, {@code @AccessTokenRequired} and
 * {@code @RefreshTokenRequired} all carry, so that one {@link TokenInterceptor} serves the three. Not API.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface TokenChecked {
}
