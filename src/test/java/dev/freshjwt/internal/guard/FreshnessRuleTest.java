package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenRefusal;
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

    // Tokens from an OpenID provider: no freshjwt "fresh" or "type" claim; judged by iat - auth_time.

    private static TokenClaims provider(long issuedAgo, long authenticatedAgo, String acr) {
        return TokenClaims.provider(NOW_SECONDS - issuedAgo, NOW_SECONDS - authenticatedAgo, acr);
    }

    @Test
    void aProviderTokenIssuedRightAfterTheLoginIsFresh() {
        assertTrue(rule.evaluate(Requirement.fresh(-1), provider(0, 2, null), NOW).isEmpty());
        assertTrue(rule.evaluate(Requirement.fresh(-1), provider(0, 0, null), NOW).isEmpty());
        assertTrue(rule.evaluate(Requirement.fresh(300), provider(200, 260, "1"), NOW).isEmpty(), "60 s after: the edge");
    }

    @Test
    void aProviderTokenFromARefreshOrTheSingleSignOnSessionIsNotFreshAndAsksForANewLogin() {
        for (long issuedAfter : new long[] {61, 1800}) {
            Rejection rejection = rule.evaluate(Requirement.fresh(-1), provider(0, issuedAfter, null), NOW).orElseThrow();
            assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason());
            assertEquals(TokenRefusal.Reason.NOT_FRESH, rejection.cause());
            assertEquals("A fresh login is required: the token was not issued right after the login", rejection.description());
            assertEquals(0, rejection.maxAge(), "max_age=0: the provider must ask for the password again");
            assertEquals(List.of(), rejection.acrValues());
        }
    }

    @Test
    void aProviderTokenThatIsNotFreshAsksForANewLoginWhateverTheEndpointsMaxAge() {
        Rejection rejection = rule.evaluate(Requirement.fresh(300), provider(0, 120, null), NOW).orElseThrow();
        assertEquals(0, rejection.maxAge(), "max_age=300 would let the provider answer from its session, not fresh again");
        Rejection strong = rule.evaluate(Requirement.fresh(300, List.of("mfa")), provider(0, 120, "mfa"), NOW).orElseThrow();
        assertEquals(0, strong.maxAge());
        assertEquals(List.of("mfa"), strong.acrValues());
    }

    @Test
    void aProviderTokenWithoutAuthTimeIsNeverFresh() {
        for (Requirement requirement : new Requirement[] {Requirement.fresh(-1), Requirement.fresh(300)}) {
            Rejection rejection = rule.evaluate(requirement, TokenClaims.provider(NOW_SECONDS, ClaimValues.ABSENT, null), NOW)
                    .orElseThrow();
            assertEquals(Reason.INSUFFICIENT_USER_AUTHENTICATION, rejection.reason());
            assertEquals("A fresh login is required: the token does not say when the user authenticated",
                    rejection.description());
            assertEquals(0, rejection.maxAge());
        }
        assertTrue(rule.evaluate(Requirement.ACCESS, TokenClaims.provider(NOW_SECONDS, ClaimValues.ABSENT, null), NOW).isEmpty(),
                "any access token passes @AccessTokenRequired");
    }

    @Test
    void aProviderTokenWithoutIatIsNotFresh() {
        Rejection rejection = rule.evaluate(Requirement.fresh(-1), TokenClaims.provider(ClaimValues.ABSENT, NOW_SECONDS, null),
                NOW).orElseThrow();
        assertEquals(0, rejection.maxAge());
    }

    @Test
    void authTimeMayLieAfterIatByTheClockSkewOnly() {
        assertTrue(rule.evaluate(Requirement.fresh(-1), provider(60, 0, null), NOW).isEmpty(), "provider nodes' clocks differ");
        Rejection rejection = rule.evaluate(Requirement.fresh(-1), provider(61, 0, null), NOW).orElseThrow();
        assertEquals(0, rejection.maxAge(), "the claims contradict each other: not fresh");
        FreshnessRule strict = new FreshnessRule(Duration.ZERO, Duration.ofMinutes(1));
        assertTrue(strict.evaluate(Requirement.fresh(-1), provider(1, 0, null), NOW).isPresent());
    }

    @Test
    void theFreshWindowIsConfigurable() {
        FreshnessRule narrow = new FreshnessRule(Duration.ofSeconds(60), Duration.ofSeconds(5));
        assertTrue(narrow.evaluate(Requirement.fresh(-1), provider(0, 5, null), NOW).isEmpty());
        assertTrue(narrow.evaluate(Requirement.fresh(-1), provider(0, 6, null), NOW).isPresent());
        FreshnessRule exact = new FreshnessRule(Duration.ofSeconds(60), Duration.ZERO);
        assertTrue(exact.evaluate(Requirement.fresh(-1), provider(0, 0, null), NOW).isEmpty());
        assertTrue(exact.evaluate(Requirement.fresh(-1), provider(0, 1, null), NOW).isPresent());
    }

    @Test
    void maxAgeIsRfc9470sMaxAgeOnTheProviderTokensAuthTimeWithSkew() {
        assertTrue(rule.evaluate(Requirement.fresh(300), provider(359, 360, null), NOW).isEmpty(), "300 s + 60 s skew");
        Rejection rejection = rule.evaluate(Requirement.fresh(300), provider(360, 361, null), NOW).orElseThrow();
        assertEquals(TokenRefusal.Reason.LOGIN_TOO_OLD, rejection.cause());
        assertEquals("The last login is more than 300 seconds ago", rejection.description());
        assertEquals(300, rejection.maxAge(), "a fresh token whose login is too old: the endpoint's own max_age");
    }

    @Test
    void aProviderTokensAcrIsReadAsOursIs() {
        Requirement strong = Requirement.fresh(300, List.of("mfa", "gold"));
        assertTrue(rule.evaluate(strong, provider(0, 1, "gold"), NOW).isEmpty());
        for (String weak : new String[] {"1", "0", null}) {
            Rejection rejection = rule.evaluate(strong, provider(0, 1, weak), NOW).orElseThrow();
            assertEquals(TokenRefusal.Reason.ACR_NOT_MET, rejection.cause(), String.valueOf(weak));
            assertEquals(List.of("mfa", "gold"), rejection.acrValues());
            assertEquals(300, rejection.maxAge());
        }
    }

    @Test
    void ourOwnTokensAreJudgedByTheirFreshClaimAloneNeverByIat() {
        TokenClaims refreshedRightAfterLogin = new TokenClaims(TokenType.ACCESS, Optional.of(false), NOW_SECONDS,
                NOW_SECONDS, null);
        Rejection rejection = rule.evaluate(Requirement.fresh(-1), refreshedRightAfterLogin, NOW).orElseThrow();
        assertEquals("A fresh login is required", rejection.description());
        assertEquals(-1, rejection.maxAge(), "our own challenge is unchanged: no max_age without maxAge");
        assertEquals(300, rule.evaluate(Requirement.fresh(300), refreshedRightAfterLogin, NOW).orElseThrow().maxAge());
        TokenClaims freshLongAfter = new TokenClaims(TokenType.ACCESS, Optional.of(true), NOW_SECONDS, NOW_SECONDS - 3600, null);
        assertTrue(rule.evaluate(Requirement.fresh(-1), freshLongAfter, NOW).isEmpty());
    }
}
