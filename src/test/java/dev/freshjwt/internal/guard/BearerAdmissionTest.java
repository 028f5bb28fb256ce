package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.guard.Rejection.Reason;
import dev.freshjwt.unit.MapJsonWebToken;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerAdmissionTest {

    private static final Map<String, Object> COMPLETE = Map.of("iss", "https://issuer", "sub", "alice",
            "exp", 2_000_000_000L, "iat", 1_900_000_000L, "jti", "t1");

    @Test
    void verifiedTokenWithEveryRequiredClaimIsAdmitted() {
        assertTrue(BearerAdmission.check("Bearer raw", new MapJsonWebToken("raw", COMPLETE)).isEmpty());
    }

    @Test
    void claimsInJsonFormAreReadToo() {
        Map<String, Object> json = new HashMap<>(COMPLETE);
        json.put("sub", Json.createValue("alice"));
        json.put("iat", Json.createValue(1_900_000_000L));
        assertTrue(BearerAdmission.check("Bearer raw", new MapJsonWebToken("raw", json)).isEmpty());
    }

    @Test
    void requestWithoutBearerTokenIsLeftToTheEndpoint() {
        assertTrue(BearerAdmission.check(null, null).isEmpty());
        assertTrue(BearerAdmission.check("Basic dGVzdDp0ZXN0", null).isEmpty());
        assertTrue(BearerAdmission.check("x", new MapJsonWebToken(null, Map.of())).isEmpty());
    }

    @Test
    void bearerTokenTheContainerDidNotVerifyIsInvalid() {
        Rejection rejection = BearerAdmission.check("Bearer garbage", null).orElseThrow();
        assertEquals(Reason.INVALID_TOKEN, rejection.reason());
        assertEquals(Rejection.unauthenticated(true), rejection);
        assertEquals(rejection, BearerAdmission.check("Bearer", new MapJsonWebToken(null, Map.of())).orElseThrow());
    }

    @Test
    void otherSpellingsOfTheSchemeAreInvalidEvenWhenTheContainerVerifiedTheToken() {
        for (String authorization : new String[] {"bearer raw", "BEARER raw", "bEaReR raw"}) {
            Rejection rejection = BearerAdmission.check(authorization, new MapJsonWebToken("raw", COMPLETE)).orElseThrow();
            assertEquals(Reason.INVALID_TOKEN, rejection.reason());
            assertEquals(BearerAdmission.WRONG_SCHEME, rejection.description());
            assertEquals(rejection, BearerAdmission.check(authorization, null).orElseThrow());
        }
    }

    @Test
    void verifiedTokenWithoutARequiredClaimIsRefusedAsAnUnverifiedOne() {
        for (String claim : COMPLETE.keySet()) {
            Map<String, Object> incomplete = new HashMap<>(COMPLETE);
            incomplete.remove(claim);
            assertEquals(Rejection.unauthenticated(true),
                    BearerAdmission.check("Bearer raw", new MapJsonWebToken("raw", incomplete)).orElseThrow(), claim);
        }
        Map<String, Object> zeroIat = new HashMap<>(COMPLETE);
        zeroIat.put("iat", 0L); // SmallRye's and Liberty's "absent"
        assertTrue(BearerAdmission.check("Bearer raw", new MapJsonWebToken("raw", zeroIat)).isPresent());
    }

    @Test
    void unreadableClaimsAreRefusedNotAServerError() {
        MapJsonWebToken broken = new MapJsonWebToken("raw", COMPLETE) {
            @Override
            public <T> T getClaim(String claimName) {
                throw new IllegalStateException("claim parse failure");
            }
        };
        assertEquals(Reason.INVALID_TOKEN, BearerAdmission.check("Bearer raw", broken).orElseThrow().reason());
    }

    @Test
    void containerRefusalNamesWhatTheRequestSent() {
        assertEquals(Reason.MISSING_TOKEN, BearerAdmission.containerRefusal(null).reason());
        assertEquals(Rejection.unauthenticated(true), BearerAdmission.containerRefusal("Bearer garbage"));
        assertEquals(BearerAdmission.WRONG_SCHEME, BearerAdmission.containerRefusal("bearer garbage").description());
    }
}
