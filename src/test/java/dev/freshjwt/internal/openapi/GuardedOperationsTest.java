package dev.freshjwt.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.guard.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedOperationsTest {

    private final GuardedOperations application = new GuardedOperations(List.of(
            new GuardedOperation("POST", "/refresh", Requirement.REFRESH),
            new GuardedOperation("POST", "/session/refresh", Requirement.fresh(60)),
            new GuardedOperation("GET", "/session", Requirement.NONE),
            new GuardedOperation("DELETE", "/session", Requirement.ACCESS)), false, "X-CSRF-TOKEN");

    @Test
    void operationIsFoundByMethodAndExactPath() {
        assertEquals(Requirement.fresh(60), application.find("post", "/session/refresh/").orElseThrow().requirement());
        assertEquals(Requirement.REFRESH, application.find("POST", "/refresh").orElseThrow().requirement());
        assertEquals(Requirement.NONE, application.find("GET", "/session").orElseThrow().requirement());
        assertEquals(Requirement.ACCESS, application.find("DELETE", "/session").orElseThrow().requirement());
    }

    @Test
    void aPrefixSuchAsTheContextRootIsSkippedPreferringTheLongestPath() {
        assertEquals(Requirement.fresh(60), application.find("POST", "/ROOT/session/refresh").orElseThrow().requirement());
        assertEquals(Requirement.REFRESH, application.find("POST", "/ROOT/refresh").orElseThrow().requirement());
    }

    @Test
    void otherMethodsAndPathsAreNotFound() {
        assertTrue(application.find("PUT", "/session").isEmpty());
        assertTrue(application.find("GET", "/sessions").isEmpty());
    }
}
