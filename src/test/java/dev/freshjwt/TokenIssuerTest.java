package dev.freshjwt;

import static dev.freshjwt.internal.revocation.Revocations.Status.NOT_REVOKED;
import static dev.freshjwt.internal.revocation.Revocations.Status.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjwt.internal.cdi.FreshJwtExtension.IssuerConfiguration;
import dev.freshjwt.internal.config.IssuerSettings;
import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.revocation.InMemoryRevocationStore;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.testing.TestKeys;
import dev.freshjwt.unit.MapJsonWebToken;
import dev.freshjwt.unit.MutableClock;
import dev.freshjwt.unit.RecordingMetrics;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenIssuerTest {

    private static final String ISSUER = "https://issuer.test";
    private static final Instant LOGIN = Instant.parse("2026-11-29T10:00:00Z");
    private static final KeyPair KEYS = TestKeys.rsa();

    private final TokenIssuer atLogin = issuerAt(LOGIN, List.of());
    private final TokenIssuer oneHourLater = issuerAt(LOGIN.plus(Duration.ofHours(1)), List.of());

    @RegisterExtension
    final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void eachMintedTokenIsCountedByTypeAndFreshness() {
        TokenPair login = atLogin.login("alice", "user");
        oneHourLater.refresh(login.refreshToken());
        atLogin.createAccessToken("bob", true);
        assertEquals(List.of("issued ACCESS fresh", "issued REFRESH", "issued ACCESS stale", "issued ACCESS fresh"),
                metrics.recorded());
    }

    @Test
    void loginMintsAFreshAccessTokenAndARefreshTokenWithAuthTime() throws Exception {
        TokenPair pair = atLogin.login("alice", "user", "admin");

        JwtClaims access = claims(pair.accessToken());
        assertEquals(ISSUER, access.getIssuer());
        assertEquals("alice", access.getSubject());
        assertEquals("alice", access.getClaimValue("upn"));
        assertEquals(List.of("user", "admin"), access.getStringListClaimValue("groups"));
        assertEquals("access", access.getClaimValue("type"));
        assertEquals(Boolean.TRUE, access.getClaimValue("fresh"));
        assertEquals(LOGIN.getEpochSecond(), access.getClaimValue("auth_time"));
        assertEquals(LOGIN.getEpochSecond(), access.getIssuedAt().getValue());
        assertEquals(LOGIN.plus(Duration.ofMinutes(15)).getEpochSecond(), access.getExpirationTime().getValue());
        assertTrue(access.getJwtId().length() >= 32);

        JwtClaims refresh = claims(pair.refreshToken());
        assertEquals("refresh", refresh.getClaimValue("type"));
        assertFalse(refresh.hasClaim("groups"), "refresh tokens carry no groups, so @RolesAllowed refuses them");
        assertFalse(refresh.hasClaim("fresh"));
        assertEquals(List.of("user", "admin"), refresh.getStringListClaimValue("access_groups"));
        assertEquals(LOGIN.getEpochSecond(), refresh.getClaimValue("auth_time"));
        assertEquals(LOGIN.plus(Duration.ofDays(30)).getEpochSecond(), refresh.getExpirationTime().getValue());
        assertTrue(!access.getJwtId().equals(refresh.getJwtId()));
    }

    @Test
    void headerSaysJwtAndNamesTheKey() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(atLogin.createAccessToken("alice"));
        assertEquals("JWT", jws.getHeader("typ"));
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        assertEquals("kid-1", jws.getKeyIdHeaderValue());
    }

    @Test
    void accessTokensAreNotFreshByDefault() throws Exception {
        JwtClaims claims = claims(atLogin.createAccessToken("alice"));
        assertEquals(Boolean.FALSE, claims.getClaimValue("fresh"));
        assertNull(claims.getClaimValue("auth_time"));
        assertEquals(LOGIN.getEpochSecond(), claims(atLogin.createAccessToken("alice", true)).getClaimValue("auth_time"));
    }

    @Test
    void refreshKeepsSubjectGroupsAndAuthTimeButIsNeverFresh() throws Exception {
        TokenPair pair = atLogin.login("alice", "user");
        JwtClaims refreshed = claims(oneHourLater.refresh(pair.refreshToken()));
        assertEquals("alice", refreshed.getSubject());
        assertEquals(List.of("user"), refreshed.getStringListClaimValue("groups"));
        assertEquals(Boolean.FALSE, refreshed.getClaimValue("fresh"));
        assertEquals(LOGIN.getEpochSecond(), refreshed.getClaimValue("auth_time"));
        assertEquals(LOGIN.plus(Duration.ofHours(1)).getEpochSecond(), refreshed.getIssuedAt().getValue());
    }

    @Test
    void refreshFromAVerifiedJsonWebTokenReadsServerClaimTypes() throws Exception {
        MapJsonWebToken token = new MapJsonWebToken("raw", Map.of("iss", ISSUER, "sub", "bob",
                "type", Json.createValue("refresh"), "auth_time", Json.createValue(LOGIN.getEpochSecond()),
                "access_groups", Json.createArrayBuilder().add("user").build()));
        JwtClaims refreshed = claims(oneHourLater.refresh(token));
        assertEquals("bob", refreshed.getSubject());
        assertEquals(List.of("user"), refreshed.getStringListClaimValue("groups"));
        assertEquals(LOGIN.getEpochSecond(), refreshed.getClaimValue("auth_time"));
    }

    @Test
    void renewingAnAccessTokenKeepsItsLoginButNeverItsFreshness() throws Exception {
        Clock clock = Clock.fixed(LOGIN.plus(Duration.ofMinutes(12)), ZoneOffset.UTC);
        Revocations revocations = revocations(clock);
        TokenIssuer later = issuer(clock, revocations, false);
        JwtClaims login = claims(atLogin.login("alice", "user", "admin").accessToken());
        MapJsonWebToken verified = new MapJsonWebToken("raw", Map.of("iss", ISSUER, "sub", "alice",
                "type", Json.createValue("access"), "fresh", JsonValue.TRUE,
                "auth_time", Json.createValue(LOGIN.getEpochSecond()), "sid", login.getClaimValue("sid"),
                "jti", login.getJwtId(), "groups", Set.of("user", "admin")));

        JwtClaims renewed = claims(later.renewAccessToken(verified));
        assertEquals("alice", renewed.getSubject());
        assertEquals(Boolean.FALSE, renewed.getClaimValue("fresh"));
        assertEquals(LOGIN.getEpochSecond(), renewed.getClaimValue("auth_time"));
        assertEquals(login.getClaimValue("sid"), renewed.getClaimValue("sid"));
        assertEquals(Set.of("user", "admin"), Set.copyOf(renewed.getStringListClaimValue("groups")));
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond(), renewed.getExpirationTime().getValue());
        assertTrue(renewed.getJwtId().length() >= 32);

        revocations.revokeSession((String) login.getClaimValue("sid"), "alice");
        assertThrows(TokenRejectedException.class, () -> later.renewAccessToken(verified));
        assertThrows(TokenRejectedException.class, () -> later.renewAccessToken(new MapJsonWebToken("raw",
                Map.of("iss", ISSUER, "sub", "alice", "type", "refresh"))));
        assertThrows(TokenRejectedException.class, () -> later.renewAccessToken(new MapJsonWebToken(null, Map.of())));
    }

    @Test
    void howTheUserLoggedInIsRecordedAndKeptThroughRefreshesAndRenewals() throws Exception {
        TokenPair login = atLogin.login("alice", List.of("user"), "mfa", List.of("pwd", "otp"));
        for (String token : List.of(login.accessToken(), login.refreshToken())) {
            JwtClaims claims = claims(token);
            assertEquals("mfa", claims.getClaimValue("acr"));
            assertEquals(List.of("pwd", "otp"), claims.getStringListClaimValue("amr"));
        }
        Revocations revocations = revocations(Clock.fixed(LOGIN.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        TokenPair rotated = rotatingIssuer(Clock.fixed(LOGIN.plus(Duration.ofHours(1)), ZoneOffset.UTC), revocations)
                .refreshTokens(login.refreshToken());
        for (String token : List.of(rotated.accessToken(), rotated.refreshToken(), oneHourLater.refresh(login.refreshToken()))) {
            JwtClaims claims = claims(token);
            assertEquals("mfa", claims.getClaimValue("acr"));
            assertEquals(List.of("pwd", "otp"), claims.getStringListClaimValue("amr"));
            assertEquals(LOGIN.getEpochSecond(), claims.getClaimValue("auth_time"));
        }
        assertEquals(Boolean.FALSE, claims(rotated.accessToken()).getClaimValue("fresh"));

        JwtClaims access = claims(login.accessToken());
        MapJsonWebToken verified = new MapJsonWebToken("raw", Map.of("iss", ISSUER, "sub", "alice", "type", "access",
                "acr", Json.createValue("mfa"), "amr", Json.createArrayBuilder().add("pwd").add("otp").build(),
                "sid", access.getClaimValue("sid"), "jti", access.getJwtId()));
        JwtClaims renewed = claims(oneHourLater.renewAccessToken(verified));
        assertEquals("mfa", renewed.getClaimValue("acr"));
        assertEquals(List.of("pwd", "otp"), renewed.getStringListClaimValue("amr"));

        JwtClaims plain = claims(atLogin.login("bob").accessToken());
        assertFalse(plain.hasClaim("acr") || plain.hasClaim("amr"), "no acr or amr unless the login says how");
    }

    @Test
    void afterAKeyRotationTokensOfTheOldKeyStillRefreshAndNewOnesCarryTheNewKid() throws Exception {
        SigningKey old = new SigningKey(KEYS.getPrivate(), KEYS.getPublic(), "kid-1", "RS256");
        SigningKey next = new SigningKey(TestKeys.otherRsa().getPrivate(), TestKeys.otherRsa().getPublic(), "kid-2", "RS256");
        Clock clock = Clock.fixed(LOGIN.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        TokenIssuer rotated = new TokenIssuer(new IssuerConfiguration(settings(List.of(), false), List.of(next, old)),
                clock, revocations(clock));
        String refreshed = rotated.refresh(atLogin.login("alice").refreshToken());    // signed with kid-1
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(refreshed);
        assertEquals("kid-2", jws.getKeyIdHeaderValue());
        jws.setKey(next.publicKey());
        assertTrue(jws.verifySignature());
        var published = new org.jose4j.jwk.JsonWebKeySet(rotated.jwks());
        assertEquals(List.of("kid-2", "kid-1"), published.getJsonWebKeys().stream().map(k -> k.getKeyId()).toList());

        TokenIssuer retired = new TokenIssuer(new IssuerConfiguration(settings(List.of(), false), next), clock,
                revocations(clock));
        assertThrows(TokenRejectedException.class, () -> retired.refresh(atLogin.login("alice").refreshToken()),
                "once the old key is removed, its tokens are refused");
    }

    @Test
    void anAccessTokenCannotBeUsedToRefresh() {
        TokenRejectedException e = assertThrows(TokenRejectedException.class,
                () -> oneHourLater.refresh(atLogin.login("alice").accessToken()));
        assertEquals(401, e.getResponse().getStatus());
        assertTrue(e.getResponse().getHeaderString("WWW-Authenticate").contains("invalid_token"));
        assertThrows(TokenRejectedException.class, () -> oneHourLater.refresh(new MapJsonWebToken("raw",
                Map.of("iss", ISSUER, "sub", "bob", "type", "access"))));
    }

    @Test
    void forgedExpiredOrForeignRefreshTokensAreRejected() {
        String valid = atLogin.login("alice").refreshToken();
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        TokenIssuer foreignKey = new TokenIssuer(new IssuerConfiguration(settings(List.of(), false),
                new SigningKey(TestKeys.otherRsa().getPrivate(), TestKeys.otherRsa().getPublic(), "kid-1", "RS256")),
                Clock.fixed(LOGIN, ZoneOffset.UTC), revocations(Clock.fixed(LOGIN, ZoneOffset.UTC)));
        TokenIssuer muchLater = issuerAt(LOGIN.plus(Duration.ofDays(31)), List.of());
        for (String bad : new String[] {tampered, "garbage", "", "a.b.c", foreignKey.login("alice").refreshToken()}) {
            assertEquals(401, assertThrows(TokenRejectedException.class, () -> oneHourLater.refresh(bad))
                    .getResponse().getStatus(), bad);
        }
        assertThrows(TokenRejectedException.class, () -> muchLater.refresh(valid));
        assertThrows(TokenRejectedException.class, () -> oneHourLater.refresh((String) null));
        assertThrows(TokenRejectedException.class, () -> oneHourLater.refresh(new MapJsonWebToken(null, Map.of())));
        assertThrows(TokenRejectedException.class, () -> oneHourLater.refresh(new MapJsonWebToken("raw",
                Map.of("iss", "https://elsewhere", "sub", "bob", "type", "refresh"))));
    }

    @Test
    void onTheSystemClockRawRefreshTokensAreVerifiedToo() {
        Clock system = Clock.systemUTC();
        TokenIssuer issuer = issuer(system, revocations(system), false);
        TokenPair pair = issuer.login("alice", "user");
        issuer.refresh(pair.refreshToken());
        assertThrows(TokenRejectedException.class, () -> issuer.refresh(pair.refreshToken() + "x"));
        assertThrows(TokenRejectedException.class, () -> issuer.refresh(
                issuerAt(Instant.now().minus(Duration.ofDays(31)), List.of()).login("alice").refreshToken()));
    }

    @Test
    void configuredAudienceIsMintedAndRequiredOnRefresh() throws Exception {
        TokenIssuer withAudience = issuerAt(LOGIN, List.of("api"));
        TokenPair pair = withAudience.login("alice");
        assertEquals(List.of("api"), claims(pair.accessToken()).getAudience());
        String otherAudience = withAudience.refreshToken("alice").audience("elsewhere").sign();
        assertThrows(TokenRejectedException.class, () -> withAudience.refresh(otherAudience));
        claims(withAudience.refresh(pair.refreshToken()));
    }

    @Test
    void builderSetsEverythingElse() throws Exception {
        Instant earlier = LOGIN.minus(Duration.ofMinutes(3));
        JwtClaims claims = claims(atLogin.accessToken("carol").groups(Set.of("admin")).claim("tenant", "acme")
                .claim("limits", Map.of("max", 3)).audience("a", "b").lifetime(Duration.ofMinutes(2))
                .authTime(earlier).fresh(true).sign());
        assertEquals("acme", claims.getClaimValue("tenant"));
        assertEquals(List.of("a", "b"), claims.getAudience());
        assertEquals(LOGIN.plus(Duration.ofMinutes(2)).getEpochSecond(), claims.getExpirationTime().getValue());
        assertEquals(earlier.getEpochSecond(), claims.getClaimValue("auth_time"));
    }

    @Test
    void builderRefusesReservedClaimsAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> atLogin.accessToken("a").claim("fresh", true));
        assertThrows(IllegalArgumentException.class, () -> atLogin.accessToken("a").claim("exp", 1));
        assertThrows(IllegalArgumentException.class, () -> atLogin.accessToken("a").claim("x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> atLogin.accessToken("a").lifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> atLogin.accessToken(" "));
        assertThrows(IllegalStateException.class, () -> atLogin.refreshToken("a").fresh(true));
    }

    @Test
    void loginStartsASessionThatRefreshesCarryOn() throws Exception {
        TokenPair pair = atLogin.login("alice", "user");
        Object session = claims(pair.refreshToken()).getClaimValue("sid");
        assertEquals(session, claims(pair.accessToken()).getClaimValue("sid"));
        assertEquals(session, claims(oneHourLater.refresh(pair.refreshToken())).getClaimValue("sid"));
        assertTrue(!session.equals(claims(atLogin.login("alice").refreshToken()).getClaimValue("sid")));
    }

    @Test
    void withRotationEachRefreshReturnsANewRefreshTokenOfTheSameSession() throws Exception {
        MutableClock clock = new MutableClock(LOGIN);
        Revocations revocations = revocations(clock);
        TokenIssuer rotating = rotatingIssuer(clock, revocations);
        TokenPair login = rotating.login("alice", "user");
        clock.advance(Duration.ofMinutes(20));

        TokenPair first = rotating.refreshTokens(login.refreshToken());
        JwtClaims next = claims(first.refreshToken());
        assertTrue(!first.refreshToken().equals(login.refreshToken()));
        assertEquals("refresh", next.getClaimValue("type"));
        assertEquals(claims(login.refreshToken()).getClaimValue("sid"), next.getClaimValue("sid"));
        assertEquals(LOGIN.getEpochSecond(), next.getClaimValue("auth_time"));
        assertEquals(List.of("user"), next.getStringListClaimValue("access_groups"));
        assertEquals(Boolean.FALSE, claims(first.accessToken()).getClaimValue("fresh"));
        assertNull(claims(login.refreshToken()).getClaimValue("gen"), "the login's refresh token is generation 0");
        assertEquals(1L, next.getClaimValue("gen"));
        assertNull(claims(first.accessToken()).getClaimValue("gen"), "access tokens carry no generation");

        TokenPair second = rotating.refreshTokens(first.refreshToken());
        assertEquals(LOGIN.getEpochSecond(), claims(second.accessToken()).getClaimValue("auth_time"));
        assertEquals(2L, claims(second.refreshToken()).getClaimValue("gen"));
    }

    @Test
    void withRotationAReusedRefreshTokenRevokesItsWholeSession() throws Exception {
        MutableClock clock = new MutableClock(LOGIN);
        Revocations revocations = revocations(clock);
        TokenIssuer rotating = rotatingIssuer(clock, revocations);
        TokenPair login = rotating.login("alice", "user");
        TokenPair rotated = rotating.refreshTokens(login.refreshToken());
        clock.advance(Duration.ofSeconds(1));

        metrics.clear();
        TokenRejectedException reuse = assertThrows(TokenRejectedException.class,
                () -> rotating.refreshTokens(login.refreshToken()));
        assertTrue(reuse.getResponse().getHeaderString("WWW-Authenticate").contains("invalid_token"));
        assertEquals(List.of("revoked SESSION", "reuse", "refusal REFRESH_TOKEN_REUSED 401"), metrics.recorded());

        String session = (String) claims(login.refreshToken()).getClaimValue("sid");
        JwtClaims access = claims(rotated.accessToken());
        assertEquals(REVOKED, revocations.check(access.getJwtId(), session, "alice", access.getIssuedAt().getValue()));
        assertThrows(TokenRejectedException.class, () -> rotating.refreshTokens(rotated.refreshToken()),
                "the thief's and the owner's newer refresh tokens die with the session");
        TokenPair otherLogin = rotating.login("alice", "user");
        rotating.refreshTokens(otherLogin.refreshToken());
    }

    @Test
    void withRotationTheSingleTokenRefreshIsAProgrammingError() {
        MutableClock clock = new MutableClock(LOGIN);
        TokenIssuer rotating = rotatingIssuer(clock, revocations(clock));
        String refresh = rotating.login("alice").refreshToken();
        assertThrows(IllegalStateException.class, () -> rotating.refresh(refresh));
        assertTrue(rotating.rotatesRefreshTokens());
    }

    @Test
    void withoutRotationRefreshTokensReturnsThePresentedRefreshToken() {
        TokenPair login = atLogin.login("alice");
        assertEquals(login.refreshToken(), oneHourLater.refreshTokens(login.refreshToken()).refreshToken());
    }

    @Test
    void revokedRefreshTokenCannotRefresh() throws Exception {
        Clock clock = Clock.fixed(LOGIN, ZoneOffset.UTC);
        Revocations revocations = revocations(clock);
        TokenIssuer issuer = issuer(clock, revocations, false);
        TokenPair login = issuer.login("alice");
        revocations.revokeSession((String) claims(login.refreshToken()).getClaimValue("sid"), "alice");
        assertThrows(TokenRejectedException.class, () -> issuer.refresh(login.refreshToken()));
    }

    private static TokenIssuer rotatingIssuer(Clock clock, Revocations revocations) {
        return issuer(clock, revocations, true);
    }

    private static TokenIssuer issuer(Clock clock, Revocations revocations, boolean rotation) {
        return new TokenIssuer(new IssuerConfiguration(settings(List.of(), rotation),
                new SigningKey(KEYS.getPrivate(), KEYS.getPublic(), "kid-1", "RS256")), clock, revocations);
    }

    @Test
    void jwksHoldsTheVerificationKey() throws Exception {
        var set = new org.jose4j.jwk.JsonWebKeySet(atLogin.jwks());
        assertEquals(KEYS.getPublic(), ((org.jose4j.jwk.PublicJsonWebKey) set.getJsonWebKeys().get(0)).getPublicKey());
        assertEquals(Duration.ofMinutes(15), atLogin.accessTokenLifetime());
    }

    private static TokenIssuer issuerAt(Instant now, List<String> audiences) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new TokenIssuer(new IssuerConfiguration(settings(audiences, false),
                new SigningKey(KEYS.getPrivate(), KEYS.getPublic(), "kid-1", "RS256")), clock, revocations(clock));
    }

    static IssuerSettings settings(List<String> audiences, boolean rotation) {
        return new IssuerSettings(ISSUER, audiences, Duration.ofMinutes(15), Duration.ofDays(30), "unused",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(60), rotation, false);
    }

    static Revocations revocations(Clock clock) {
        return new Revocations(new InMemoryRevocationStore(clock, 1000), clock, Duration.ZERO, Duration.ofDays(31),
                Duration.ofSeconds(60));
    }

    /** Verifies the signature with the public key, as any JOSE client would, and returns the claims. */
    private static JwtClaims claims(String token) throws Exception {
        return new JwtConsumerBuilder().setVerificationKey(KEYS.getPublic()).setSkipAllValidators()
                .build().processToClaims(token);
    }
}
