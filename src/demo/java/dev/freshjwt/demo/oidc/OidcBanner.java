package dev.freshjwt.demo.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** At start-up, with a provider configured: where the page signs in, and as whom (the server's log, beside its banner). */
@ApplicationScoped
public class OidcBanner {

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        OidcSettings.current().ifPresent(settings -> Logger.getLogger(OidcBanner.class.getName()).info(() -> "\n\n"
                + "  freshjwt demo: the page signs in with the OpenID provider " + settings.issuer() + " (client "
                + settings.clientId() + ")\n"
                + settings.loginHint().map(hint -> "  " + hint + "\n").orElse("") + "\n"));
    }
}
