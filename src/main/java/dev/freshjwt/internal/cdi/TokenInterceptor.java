package dev.freshjwt.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces {@code @FreshRequired}, {@code @AccessTokenRequired} and {@code @RefreshTokenRequired} on CDI
 * beans and EJBs (each of them carries {@link TokenChecked}).
 */
@TokenChecked
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class TokenInterceptor {

    // Field injection: EJB containers (Payara) create interceptors through a public no-argument constructor.
    @Inject
    InvocationGuard guard;

    @AroundInvoke
    Object enforce(InvocationContext invocation) throws Exception {
        guard.enforce(invocation);
        return invocation.proceed();
    }
}
