package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.event.Event;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces every refusal to the application's {@link TokenRefusal} observers, from wherever freshjwt refuses (a
 * servlet filter, the error page, a JAX-RS filter, an interceptor, the issuer): the application's {@code Event} is
 * installed once at start-up, since most of those places are not CDI beans. An observer that throws is logged and
 * ignored. Thread-safe.
 */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    /** The application's event; the library jar lives in the application's class loader, so it is per application. */
    private static volatile Event<TokenRefusal> events;

    private Refusals() {
    }

    /** Called once CDI has started. */
    public static void install(Event<TokenRefusal> applicationEvents) {
        events = applicationEvents;
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
        Event<TokenRefusal> current = events;
        if (current != null) {
            try {
                current.fire(refusal);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A TokenRefusal observer failed; the client gets its " + refusal.status() + " all the same", e);
            }
        }
        return refusal;
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
