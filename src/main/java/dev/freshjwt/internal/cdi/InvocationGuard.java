package dev.freshjwt.internal.cdi;

import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Requirement;
import dev.freshjwt.internal.guard.Requirements;
import dev.freshjwt.internal.guard.TokenGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the three interceptors share: resolve the invoked method's requirement once, fetch the caller's token,
 * and throw the complete 401 when the guard refuses.
 */
@ApplicationScoped
public class InvocationGuard {

    private final TokenGuard guard;
    private final Instance<JsonWebToken> token;
    private final ClassValue<Map<Method, Requirement>> requirements = new ClassValue<>() {
        @Override
        protected Map<Method, Requirement> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** For the CDI proxy only. */
    protected InvocationGuard() {
        this.guard = null;
        this.token = null;
    }

    @Inject
    InvocationGuard(TokenGuard guard, Instance<JsonWebToken> token) {
        this.guard = guard;
        this.token = token;
    }

    /**
     * @throws dev.freshjwt.TokenRejectedException when the caller's token does not meet the method's requirement
     */
    public void enforce(InvocationContext invocation) {
        Method method = invocation.getMethod();
        if (method == null) {
            return; // a lifecycle callback, not a business method
        }
        Class<?> type = invocation.getTarget().getClass();
        Requirement requirement = requirements.get(type).computeIfAbsent(method, m -> Requirements.of(type, m));
        guard.check(requirement, callerToken(), false).ifPresent(rejection -> {
            throw Challenges.exception(rejection);
        });
    }

    private JsonWebToken callerToken() {
        try {
            return token.get();
        } catch (ContextNotActiveException e) {
            return null; // no request (a timer, an asynchronous call): no caller token
        }
    }
}
