package dev.freshjwt.demo;

import dev.freshjwt.TokenRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's audit log: one line for every request freshjwt refuses, and a warning when a refresh token comes back
 * after use (someone holds a copy). Observing {@link TokenRefusal} is all it takes; the same event feeds metrics or
 * alerts.
 */
@ApplicationScoped
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());

    void audit(@Observes TokenRefusal refusal) {
        Level level = refusal.reason() == TokenRefusal.Reason.REFRESH_TOKEN_REUSED ? Level.WARNING : Level.INFO;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "refused " + refusal.reason() + " (" + refusal.status() + ") subject="
                    + refusal.subject().orElse("-") + " jti=" + refusal.tokenId().orElse("-") + " requirement="
                    + refusal.requirement().orElse("-"));
        }
    }
}
