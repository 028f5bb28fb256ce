package dev.freshjwt.internal.cdi;

import dev.freshjwt.internal.guard.Refusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;

/** Hands the application's {@code BeanManager} to {@link Refusals} once CDI has started. */
@ApplicationScoped
public class RefusalEvents {

    static void install(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beans) {
        Refusals.install(beans);
    }
}
