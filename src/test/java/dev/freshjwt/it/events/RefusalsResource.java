package dev.freshjwt.it.events;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Deployed with the demo by {@code RefusalEventsIT}: {@code GET /test/refusals} tells what the observer saw. */
@Path("test/refusals")
@RequestScoped
public class RefusalsResource {

    private final RefusalRecorder recorder;

    /** For CDI proxies only; public because RESTEasy insists on a public constructor it can call. */
    public RefusalsResource() {
        this(null);
    }

    @Inject
    public RefusalsResource(RefusalRecorder recorder) {
        this.recorder = recorder;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String drain() {
        return recorder.drain();
    }
}
