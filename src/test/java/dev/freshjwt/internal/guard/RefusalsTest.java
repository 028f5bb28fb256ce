package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.unit.RecordingMetrics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refusal reaches the application's observers, who may add to the problem body but never break the answer. */
class RefusalsTest {

    private final List<TokenRefusal> seen = new ArrayList<>();

    @RegisterExtension
    final RecordingMetrics metrics = new RecordingMetrics();

    @AfterEach
    void uninstall() {
        Refusals.install((Consumer<TokenRefusal>) null);
    }

    @Test
    void observersSeeWhyWhatWasRequiredAndWhoseTokenButNeverTheToken() {
        Refusals.install(seen::add);
        Rejection stale = Rejection.stale("A stronger authentication is required", 300, List.of("mfa"))
                .because(TokenRefusal.Reason.ACR_NOT_MET);
        var response = Challenges.refuse(stale, Requirement.fresh(300, List.of("mfa")),
                Map.<String, Object>of("sub", "alice", "jti", "t-1", "raw_token", "secret")::get);
        assertEquals(401, response.getStatus());
        TokenRefusal refusal = seen.get(0);
        assertEquals(TokenRefusal.Reason.ACR_NOT_MET, refusal.reason());
        assertEquals("@FreshRequired(maxAge = 300, acr = {\"mfa\"})", refusal.requirement().orElseThrow());
        assertEquals("alice", refusal.subject().orElseThrow());
        assertEquals("t-1", refusal.tokenId().orElseThrow());
        assertEquals(List.of("mfa"), refusal.acrValues());
        assertEquals(300, refusal.maxAge().getAsLong());
        assertEquals(false, refusal.toString().contains("secret"));
    }

    @Test
    void everyRefusalIsCountedByReasonAndStatusWithOrWithoutObservers() {
        Challenges.refuse(Rejection.stale("A fresh login is required", -1, List.of()), Requirement.fresh(-1, List.of()),
                null);
        Refusals.install(seen::add);
        Challenges.refuse(Rejection.invalid("The token has been revoked").because(TokenRefusal.Reason.REVOKED_TOKEN),
                Requirement.ACCESS, null);
        assertEquals(List.of("refusal NOT_FRESH 401", "refusal REVOKED_TOKEN 401"), metrics.recorded());
    }

    @Test
    void observersMayChangeTheDetailAndAddMembersButNotTheStandardOnes() {
        Refusals.install((TokenRefusal refusal) -> {
            refusal.setDetail("Please confirm it is you");
            refusal.addProblemMember("trace_id", "abc\"1");
            refusal.addProblemMember("attempt", 3);
            refusal.addProblemMember("audited", true);
            assertThrows(IllegalArgumentException.class, () -> refusal.addProblemMember("status", 200));
            assertThrows(IllegalArgumentException.class, () -> refusal.addProblemMember("list", List.of()));
        });
        var response = Challenges.refuse(Rejection.unauthenticated(false), Requirement.ACCESS, null);
        JsonObject problem = Json.createReader(new StringReader((String) response.getEntity())).readObject();
        assertEquals(401, problem.getInt("status"));
        assertEquals("Please confirm it is you", problem.getString("detail"));
        assertEquals("abc\"1", problem.getString("trace_id"));
        assertEquals(3, problem.getInt("attempt"));
        assertEquals(true, problem.getBoolean("audited"));
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void anObserverThatThrowsLeavesTheAnswerAsItIs() {
        Refusals.install((TokenRefusal refusal) -> {
            throw new IllegalStateException("audit log is down");
        });
        var response = Challenges.refuse(Rejection.invalid("The token has been revoked"), Requirement.ACCESS, null);
        assertEquals(401, response.getStatus());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"The token has been revoked\"",
                response.getHeaderString("WWW-Authenticate"));
    }
}
