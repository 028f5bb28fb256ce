package dev.freshjwt.internal.cdi;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.internal.guard.Refusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/** Hands the application's {@code Event<TokenRefusal>} to {@link Refusals} once CDI has started. */
@ApplicationScoped
public class RefusalEvents {

    static void install(@Observes @Initialized(ApplicationScoped.class) Object started, Event<TokenRefusal> events) {
        Refusals.install(events);
    }
}
