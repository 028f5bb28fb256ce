package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.internal.metrics.ApplicationMetrics;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces every refusal to the application's {@link TokenRefusal} observers (and counts it in its metrics), from wherever freshjwt refuses (a
 * servlet filter, the error page, a JAX-RS filter, an interceptor, the issuer): the application's {@code BeanManager}
 * is installed once at start-up, since most of those places are not CDI beans. Each observer is notified on its own,
 * in their {@code @Priority} order: one that throws is logged and skipped, the others still see the event, and the
 * client still gets its answer. Thread-safe.
 */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    /** The application's; the library jar lives in the application's class loader, so it is per application. */
    private static volatile Consumer<TokenRefusal> observers;

    private Refusals() {
    }

    /** Called once CDI has started; {@code null} stops announcing. */
    public static void install(BeanManager applicationBeans) {
        install(applicationBeans == null ? null : refusal -> notifyEach(applicationBeans, refusal));
    }

    /** Installs another way to reach the observers (tests); {@code null} stops announcing. */
    static void install(Consumer<TokenRefusal> notifier) {
        observers = notifier;
    }

    /**
     * @param rejection why
     * @param requirement what the endpoint required, or {@code null} before any endpoint
     * @param claims the refused token's claims when it could be read ({@code sub}, {@code jti}), or {@code null}
     * @return the event, as the observers left it (a changed detail, added problem members)
     */
    public static TokenRefusal announce(Rejection rejection, Requirement requirement, Function<String, Object> claims) {
        TokenRefusal refusal = new TokenRefusal(rejection.cause(), rejection.reason().status(), rejection.description(),
                requirement == null ? null : requirement.annotation(), claim(claims, "sub"), claim(claims, "jti"),
                rejection.acrValues(), rejection.maxAge());
        ApplicationMetrics.current().refusal(refusal.reason(), refusal.status());
        Consumer<TokenRefusal> current = observers;
        if (current != null) {
            try {
                current.accept(refusal);
            } catch (RuntimeException e) {
                failed("TokenRefusal observers", refusal, e);
            }
        }
        return refusal;
    }

    private static void notifyEach(BeanManager beans, TokenRefusal refusal) {
        for (ObserverMethod<? super TokenRefusal> observer : beans.resolveObserverMethods(refusal)) {
            try {
                observer.notify(refusal);
            } catch (RuntimeException e) {
                failed("The TokenRefusal observer " + observer.getBeanClass().getName(), refusal, e);
            }
        }
    }

    private static void failed(String who, TokenRefusal refusal, RuntimeException e) {
        LOG.log(Level.WARNING, who + " failed; the client gets its " + refusal.status() + " all the same", e);
    }

    private static String claim(Function<String, Object> claims, String name) {
        if (claims == null) {
            return null;
        }
        try {
            return ClaimValues.text(claims.apply(name));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
