package dev.freshjwt.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.guard.Rejection.Reason;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.OwnTokenVerifier;
import dev.freshjwt.internal.token.TokenMinter.TokenSpec;
import dev.freshjwt.internal.token.TokenMinter;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapConfig;
import dev.freshjwt.unit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Which token a request presents: the header wins, then the refresh cookie, then the access cookie; CSRF on unsafe methods. */
class CookieBridgeTest {

    private static final String ISSUER = "https://issuer.test";
    private static final KeyPair KEYS = TestKeys.rsa();
    private static final IssuerSettings ISSUING = new IssuerSettings(ISSUER, List.of(), Duration.ofMinutes(15),
            Duration.ofDays(30), "unused", Optional.empty(), Optional.empty(), Duration.ofSeconds(60), false, true);
    private static final SigningKey KEY = new SigningKey(KEYS.getPrivate(), KEYS.getPublic(), "kid", "RS256");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final Revocations revocations = new Revocations(new InMemoryRevocationStore(clock, 100), clock, Duration.ZERO,
            Duration.ofDays(31), Duration.ofSeconds(60));
    private final CookieSettings settings = CookieSettings.load(MapConfig.of("freshjwt.token.location", "header,cookie"));
    private final CookieBridge bridge = new CookieBridge(settings, new OwnTokenVerifier(ISSUING, KEY, clock), revocations);
    private final TokenMinter minter = new TokenMinter(ISSUING, KEY, clock);
    private final Map<String, String> cookies = new HashMap<>();

    private final String access = mint(TokenType.ACCESS);
    private final String refresh = mint(TokenType.REFRESH);

    @Test
    void anAccessCookieIsPresentedOnSafeRequestsWithoutCsrf() {
        cookies.put(settings.accessName(), access);
        assertEquals(access, decide("GET", null, null).token());
        assertEquals(access, decide("HEAD", null, null).token());
    }

    @Test
    void unsafeRequestsPresentTheCookieOnlyWithTheTokensOwnCsrfValue() {
        cookies.put(settings.accessName(), access);
        assertEquals(access, decide("POST", null, csrf(access)).token());
        for (String wrong : new String[] {null, "", "x", csrf(refresh), csrf(mint(TokenType.ACCESS))}) {
            CookieBridge.Decision decision = decide("DELETE", null, wrong);
            assertNull(decision.token(), String.valueOf(wrong));
            assertEquals(Reason.CSRF_FAILED, decision.refusal().reason());
        }
    }

    @Test
    void aHeaderWinsAndCookiesAreThenIgnored() {
        cookies.put(settings.accessName(), "garbage");
        assertSame(CookieBridge.Decision.NONE, decide("POST", "Bearer x", null));
        assertSame(CookieBridge.Decision.NONE, decide("GET", "", null));
    }

    @Test
    void theRefreshCookieComesFirstAndAnExpiredAccessCookieDoesNotMatter() {
        cookies.put(settings.accessName(), access);
        cookies.put(settings.refreshName(), refresh);
        assertEquals(refresh, decide("POST", null, csrf(refresh)).token());
        clock.advance(Duration.ofHours(1)); // the access token has expired, the refresh token has not
        assertEquals(refresh, decide("POST", null, csrf(refresh)).token());
    }

    @Test
    void badCookiesAreDroppedWithTheirReason() {
        for (String bad : new String[] {"garbage", refresh, mintExpired(), forged()}) {
            cookies.put(settings.accessName(), bad);
            CookieBridge.Decision decision = decide("GET", null, null);
            assertNull(decision.token());
            assertEquals(Reason.INVALID_TOKEN, decision.refusal().reason());
            assertTrue(decision.refusal().description().contains("cookie"));
        }
    }

    @Test
    void aRevokedCookieIsDropped() {
        cookies.put(settings.accessName(), access);
        revocations.revokeSession(claim(access, "sid"), null);
        assertEquals(Reason.INVALID_TOKEN, decide("GET", null, null).refusal().reason());
    }

    @Test
    void nothingToDoWithoutTokenCookiesOrWithCookiesOff() {
        cookies.put(settings.csrfAccessName(), "c");
        assertSame(CookieBridge.Decision.NONE, decide("POST", null, "c"));
        cookies.put(settings.accessName(), access);
        CookieBridge off = new CookieBridge(CookieSettings.HEADER_ONLY, null, null);
        assertSame(CookieBridge.Decision.NONE, off.decide("GET", null, cookies::get, null));
    }

    private CookieBridge.Decision decide(String method, String authorization, String csrfHeader) {
        return bridge.decide(method, authorization, cookies::get, csrfHeader);
    }

    private String mint(TokenType type) {
        return minter.mint(new TokenSpec(type, "alice", List.of("user"), Map.of(), null, null, clock.instant(),
                false, "session-1"));
    }

    /** Minted two hours ago for fifteen minutes: beyond the clock skew too. */
    private String mintExpired() {
        return new TokenMinter(ISSUING, KEY, new MutableClock(clock.instant().minus(Duration.ofHours(2))))
                .mint(new TokenSpec(TokenType.ACCESS, "alice", List.of(), Map.of(), null, null, null, true, "s"));
    }

    private String forged() {
        KeyPair other = TestKeys.otherRsa();
        return new TokenMinter(ISSUING, new SigningKey(other.getPrivate(), other.getPublic(), "kid", "RS256"), clock)
                .mint(new TokenSpec(TokenType.ACCESS, "alice", List.of(), Map.of(), null, null, null, true, "s"));
    }

    private static String csrf(String token) {
        return claim(token, "csrf");
    }

    private static String claim(String token, String name) {
        try {
            return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                    .getStringClaimValue(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
