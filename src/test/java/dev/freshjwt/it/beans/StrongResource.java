package dev.freshjwt.it.beans;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Deployed with the demo by {@code StepUpOnBeansIT}: unannotated resource methods that call the beans, so the beans'
 * own interceptor decides.
 */
@Path("test/strong")
@RequestScoped
public class StrongResource {

    private final StrongPayments payments;
    private final StrongSettings settings;

    /** For CDI proxies only; public because RESTEasy insists on a public constructor it can call. */
    public StrongResource() {
        this(null, null);
    }

    @Inject
    public StrongResource(StrongPayments payments, StrongSettings settings) {
        this.payments = payments;
        this.settings = settings;
    }

    @GET
    @Path("ejb")
    public String ejb() {
        return payments.pay();
    }

    @GET
    @Path("bean")
    public String bean() {
        return settings.change();
    }
}
