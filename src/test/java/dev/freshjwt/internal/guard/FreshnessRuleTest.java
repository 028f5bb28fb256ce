package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenType;
import dev.freshjwt.internal.guard.Rejection.Reason;
import dev.freshjwt.internal.token.ClaimValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();
    private final FreshnessRule rule = new FreshnessRule(Duration.ofSeconds(60));

    @Test
    void freshAccessTokenPassesFreshRequired() {
        assertTrue(rule.evaluate(Requirement.fresh(-1), TokenType.ACCESS, true, NOW_SECONDS, NOW).isEmpty());
    }

    @Test
    void refreshedTokenGetsStepUpChallengeWithoutMaxAge() {
        Rejection rejection = rule.evaluate(Requirement.fresh(-1), TokenType.ACCESS, false, NOW_SECONDS, NOW).orElseThrow();
        assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason());
        assertEquals(-1, rejection.maxAge());
    }

    @Test
    void freshTokenWithinMaxAgePasses() {
        assertTrue(rule.evaluate(Requirement.fresh(300), TokenType.ACCESS, true, NOW_SECONDS - 300, NOW).isEmpty());
    }

    @Test
    void clockSkewIsGrantedOnMaxAge() {
        assertTrue(rule.evaluate(Requirement.fresh(300), TokenType.ACCESS, true, NOW_SECONDS - 360, NOW).isEmpty());
    }

    @Test
    void freshTokenOlderThanMaxAgeAndSkewIsRefusedWithMaxAge() {
        Rejection rejection = rule.evaluate(Requirement.fresh(300), TokenType.ACCESS, true, NOW_SECONDS - 361, NOW)
                .orElseThrow();
        assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason());
        assertEquals(300, rejection.maxAge());
    }

    @Test
    void freshTokenWithoutAuthTimeNeverMeetsMaxAge() {
        Optional<Rejection> rejection = rule.evaluate(Requirement.fresh(300), TokenType.ACCESS, true, ClaimValues.ABSENT, NOW);
        assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.orElseThrow().reason());
    }

    @Test
    void noSkewMeansExactMaxAge() {
        FreshnessRule strict = new FreshnessRule(Duration.ZERO);
        assertTrue(strict.evaluate(Requirement.fresh(10), TokenType.ACCESS, true, NOW_SECONDS - 10, NOW).isEmpty());
        assertTrue(strict.evaluate(Requirement.fresh(10), TokenType.ACCESS, true, NOW_SECONDS - 11, NOW).isPresent());
    }

    @Test
    void refreshTokenIsRefusedWhereAnAccessTokenIsExpected() {
        for (Requirement requirement : new Requirement[] {Requirement.NONE, Requirement.ACCESS, Requirement.fresh(-1)}) {
            Rejection rejection = rule.evaluate(requirement, TokenType.REFRESH, false, NOW_SECONDS, NOW).orElseThrow();
            assertEquals(Reason.INVALID_TOKEN, rejection.reason());
            assertEquals("A refresh token cannot be used as an access token", rejection.description());
        }
    }

    @Test
    void accessTokenIsRefusedWhereARefreshTokenIsExpected() {
        Rejection rejection = rule.evaluate(Requirement.REFRESH, TokenType.ACCESS, true, NOW_SECONDS, NOW).orElseThrow();
        assertEquals(Reason.INVALID_TOKEN, rejection.reason());
    }

    @Test
    void unknownTokenTypeIsInvalidEverywhere() {
        assertEquals(Reason.INVALID_TOKEN,
                rule.evaluate(Requirement.NONE, null, true, NOW_SECONDS, NOW).orElseThrow().reason());
    }

    @Test
    void accessTokenPassesAccessAndUnannotatedEndpoints() {
        assertTrue(rule.evaluate(Requirement.ACCESS, TokenType.ACCESS, false, ClaimValues.ABSENT, NOW).isEmpty());
        assertTrue(rule.evaluate(Requirement.NONE, TokenType.ACCESS, false, ClaimValues.ABSENT, NOW).isEmpty());
    }

    @Test
    void anAcrRequirementIsMetByAnyOneOfItsValues() {
        Requirement strong = Requirement.fresh(300, List.of("mfa", "hwk"));
        assertTrue(rule.evaluate(strong, TokenType.ACCESS, true, NOW_SECONDS, "mfa", NOW).isEmpty());
        assertTrue(rule.evaluate(strong, TokenType.ACCESS, true, NOW_SECONDS, "hwk", NOW).isEmpty());
        for (String weak : new String[] {"password", "", "MFA", null}) {
            Rejection rejection = rule.evaluate(strong, TokenType.ACCESS, true, NOW_SECONDS, weak, NOW).orElseThrow();
            assertEquals(Rejection.Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason(), String.valueOf(weak));
            assertEquals(List.of("mfa", "hwk"), rejection.acrValues());
            assertEquals(300, rejection.maxAge());
        }
    }

    @Test
    void theAcrChallengeAlsoComesWithEveryOtherShortfall() {
        Requirement strong = Requirement.fresh(300, List.of("mfa"));
        Rejection notFresh = rule.evaluate(strong, TokenType.ACCESS, false, NOW_SECONDS, "mfa", NOW).orElseThrow();
        assertEquals(List.of("mfa"), notFresh.acrValues());
        Rejection tooOld = rule.evaluate(strong, TokenType.ACCESS, true, NOW_SECONDS - 1000, "mfa", NOW).orElseThrow();
        assertEquals(List.of("mfa"), tooOld.acrValues());
        assertEquals(300, tooOld.maxAge());
        assertTrue(rule.evaluate(Requirement.fresh(-1), TokenType.ACCESS, true, NOW_SECONDS, "anything", NOW).isEmpty(),
                "no acr requirement: any acr, or none, passes");
    }
}
