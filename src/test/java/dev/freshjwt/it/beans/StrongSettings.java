package dev.freshjwt.it.beans;

import dev.freshjwt.FreshRequired;
import jakarta.enterprise.context.ApplicationScoped;

/** Deployed with the demo by {@code StepUpOnBeansIT}: a CDI bean that wants a second factor, on the whole class. */
@ApplicationScoped
@FreshRequired(acr = "mfa")
public class StrongSettings {

    public String change() {
        return "changed by a CDI bean";
    }
}
