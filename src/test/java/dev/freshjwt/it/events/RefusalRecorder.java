package dev.freshjwt.it.events;

import dev.freshjwt.TokenRefusal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Deployed with the demo by {@code RefusalEventsIT}: an application's observers of {@link TokenRefusal}. One records
 * what it sees and adds a member to the problem body; one throws for the subject {@code thrower}, which must not turn
 * the 401 into a 500, nor keep
 * the recorder from the event, whichever runs first.
 */
@ApplicationScoped
public class RefusalRecorder {

    private final List<TokenRefusal> seen = new ArrayList<>();

    void record(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) TokenRefusal refusal) {
        synchronized (seen) {
            seen.add(refusal);
        }
        refusal.addProblemMember("audit_id", "audit-" + refusal.tokenId().orElse("none"));
    }

    void fail(@Observes @Priority(Interceptor.Priority.APPLICATION) TokenRefusal refusal) {
        if (refusal.subject().filter("thrower"::equals).isPresent()) {
            throw new IllegalStateException("this observer always fails for thrower");
        }
    }

    /** What was seen, as JSON, and forgets it. */
    String drain() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        synchronized (seen) {
            for (TokenRefusal refusal : seen) {
                all.add(Json.createObjectBuilder()
                        .add("reason", refusal.reason().name())
                        .add("status", refusal.status())
                        .add("requirement", refusal.requirement().orElse(""))
                        .add("subject", refusal.subject().orElse(""))
                        .add("jti", refusal.tokenId().orElse(""))
                        .add("text", refusal.toString()));
            }
            seen.clear();
        }
        return all.build().toString();
    }
}
