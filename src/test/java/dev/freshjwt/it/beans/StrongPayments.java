package dev.freshjwt.it.beans;

import dev.freshjwt.FreshRequired;
import jakarta.ejb.Stateless;

/** Deployed with the demo by {@code StepUpOnBeansIT}: an EJB that wants a second factor. */
@Stateless
public class StrongPayments {

    @FreshRequired(acr = {"mfa", "hwk"}, maxAge = 300)
    public String pay() {
        return "paid by an EJB";
    }
}
