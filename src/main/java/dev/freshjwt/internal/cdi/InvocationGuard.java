package dev.freshjwt.internal.cdi;

import dev.freshjwt.internal.cookie.TokenSource;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import dev.freshjwt.internal.guard.Requirement;
import dev.freshjwt.internal.guard.RequirementCache;
import dev.freshjwt.internal.guard.TokenGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the three interceptors share: resolve the invoked method's requirement once, fetch the caller's token,
 * and throw the complete 401 when the guard refuses.
 */
@ApplicationScoped
public class InvocationGuard {

    private final TokenGuard guard;
    private final Instance<JsonWebToken> token;
    private final Instance<HttpServletRequest> request;
    private final RequirementCache requirements = new RequirementCache();

    /** For the CDI proxy only. */
    protected InvocationGuard() {
        this.guard = null;
        this.token = null;
        this.request = null;
    }

    @Inject
    InvocationGuard(TokenGuard guard, Instance<JsonWebToken> token, Instance<HttpServletRequest> request) {
        this.guard = guard;
        this.token = token;
        this.request = request;
    }

    /**
     * @throws dev.freshjwt.TokenRejectedException when the caller's token does not meet the method's requirement
     */
    public void enforce(InvocationContext invocation) {
        Method method = invocation.getMethod();
        if (method == null) {
            return; // a lifecycle callback, not a business method
        }
        Requirement requirement = requirements.of(invocation.getTarget().getClass(), method);
        JsonWebToken caller = callerToken();
        Rejection cookieRefusal = caller == null || caller.getRawToken() == null ? cookieRefusal() : null;
        guard.check(requirement, caller, false, cookieRefusal).ifPresent(rejection -> {
            throw Challenges.rejected(rejection, requirement, caller == null ? null : caller::getClaim);
        });
    }

    /** Why the request's token cookie was not used, when this call serves an HTTP request; else {@code null}. */
    private Rejection cookieRefusal() {
        try {
            return request.isResolvable()
                    && request.get().getAttribute(TokenSource.COOKIE_REFUSAL) instanceof Rejection refusal ? refusal : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // no request
        }
    }

    private JsonWebToken callerToken() {
        try {
            return token.get();
        } catch (ContextNotActiveException e) {
            return null; // no request (a timer, an asynchronous call): no caller token
        }
    }
}
