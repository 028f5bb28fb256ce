package dev.freshjwt;

import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.cdi.FreshJwtExtension.IssuerConfiguration;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import dev.freshjwt.internal.guard.Requirement;
import dev.freshjwt.internal.keys.Jwks;
import dev.freshjwt.internal.metrics.ApplicationMetrics;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.ClaimValues;
import dev.freshjwt.internal.token.OwnTokenVerifier;
import dev.freshjwt.internal.token.TokenMinter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Mints freshjwt's access and refresh tokens. Inject it into JAX-RS resources, CDI beans and EJBs:
 *
 * <pre>{@code
 * @Inject TokenIssuer issuer;
 *
 * @POST @Path("/login")
 * public Response login(Credentials credentials) {
 *     User user = users.authenticate(credentials);          // your credential check
 *     TokenPair tokens = issuer.login(user.name(), user.groups());
 *     return Response.ok(Map.of("access_token", tokens.accessToken(),
 *                               "refresh_token", tokens.refreshToken())).build();
 * }
 *
 * @POST @Path("/refresh") @RefreshTokenRequired
 * public Map<String, String> refresh(@Context SecurityContext security) {
 *     return Map.of("access_token", issuer.refresh((JsonWebToken) security.getUserPrincipal()));
 * }
 * }</pre>
 *
 * <p>An access token minted by {@link #login} is <em>fresh</em>; one minted by {@link #refresh} never is. Both
 * carry {@code auth_time}, the moment of the credential login, unchanged through any number of refreshes.
 * Tokens are compact JWS with header {@code typ: JWT} and {@code kid}, signed with the key of
 * {@code freshjwt.sign.key.location} (of a JWKS of several, the one {@code freshjwt.sign.key.id} names); see
 * {@link FreshJwtConfig} for every setting. The time comes from the application's {@link Clock} bean when there is
 * one.
 *
 * <p>Thread-safe. A deployment that injects this bean without an issuer or signing key fails to deploy. One that does
 * not inject it (an application that only checks tokens, say an OpenID provider's, needs no signing key) deploys without
 * a key; looking the bean up there all the same ({@code CDI.current().select(TokenIssuer.class)}) throws an
 * {@link InvalidConfigurationException} naming the missing key on first use.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());

    private final TokenMinter minter;
    private final OwnTokenVerifier verifier;
    private final String issuer;
    private final String jwks;
    private final Clock clock;
    private final Revocations revocations;
    private final boolean rotation;

    /** For the CDI proxy only. */
    protected TokenIssuer() {
        this.minter = null;
        this.verifier = null;
        this.issuer = null;
        this.jwks = null;
        this.clock = null;
        this.revocations = null;
        this.rotation = false;
    }

    @Inject
    TokenIssuer(FreshJwtExtension extension, Instance<Clock> clock, Revocations revocations) {
        this(extension.issuerConfiguration(), clock.isResolvable() ? clock.get() : Clock.systemUTC(), revocations);
    }

    TokenIssuer(IssuerConfiguration configuration, Clock clock, Revocations revocations) {
        this.minter = new TokenMinter(configuration.settings(), configuration.key(), clock);
        this.verifier = new OwnTokenVerifier(configuration.settings(), configuration.keys(), clock);
        this.issuer = configuration.settings().issuer();
        this.jwks = Jwks.of(configuration.keys());
        this.clock = clock;
        this.revocations = revocations;
        this.rotation = configuration.settings().rotation();
    }

    /** A non-fresh access token for {@code subject}, with no groups. */
    public String createAccessToken(String subject) {
        return createAccessToken(subject, false);
    }

    /** An access token for {@code subject}; a fresh one gets {@code auth_time} = now. */
    public String createAccessToken(String subject, boolean fresh) {
        return accessToken(subject).fresh(fresh).sign();
    }

    /** A refresh token for {@code subject}, with no groups. */
    public String createRefreshToken(String subject) {
        return refreshToken(subject).sign();
    }

    /** Starts an access token with everything else: groups, claims, audience, lifetime, {@code auth_time}, fresh. */
    public TokenBuilder accessToken(String subject) {
        return new TokenBuilder(TokenType.ACCESS, subject, sign());
    }

    /** Starts a refresh token: groups (for the access tokens it buys), claims, audience, lifetime, {@code auth_time}. */
    public TokenBuilder refreshToken(String subject) {
        return new TokenBuilder(TokenType.REFRESH, subject, sign());
    }

    /**
     * The tokens for a user who has just proved their credential: a fresh access token and a refresh token,
     * both with {@code auth_time} = now and a new session ({@code sid}).
     */
    public TokenPair login(String subject, Collection<String> groups) {
        return login(subject, groups, null, List.of());
    }

    /**
     * As {@link #login(String, Collection)}, recording how the user authenticated: {@code acr} (how strongly, such
     * as {@code "mfa"}; {@code @FreshRequired(acr = …)} asks for it) and {@code amr} (the methods, RFC 8176:
     * {@code "pwd"}, {@code "otp"}, {@code "hwk"}, …). Refreshes keep both, with {@code auth_time}, unchanged (RFC
     * 9470 §6.1).
     *
     * <pre>{@code
     * issuer.login(user, groups, "mfa", List.of("pwd", "otp"));   // password and a one-time code
     * }</pre>
     *
     * @param acr the authentication context class reference, or {@code null} for none
     * @param amr the authentication methods; empty for none
     * @throws RevocationUnavailableException (503) when the revocation store has been unreadable for longer than
     *     {@code freshjwt.revocation.max-staleness}: every token would be refused, so none is issued
     */
    public TokenPair login(String subject, Collection<String> groups, String acr, Collection<String> amr) {
        if (!revocations.isAvailable()) {
            throw new RevocationUnavailableException("No tokens were issued: they could not be checked while the"
                    + " revocation store is unavailable; try again later", null);
        }
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        String session = UUID.randomUUID().toString();
        return new TokenPair(
                accessToken(subject).groups(groups).authTime(now).session(session).acr(acr).amr(amr).fresh(true).sign(),
                refreshToken(subject).groups(groups).authTime(now).session(session).acr(acr).amr(amr).sign());
    }

    /** As {@link #login(String, Collection)}. */
    public TokenPair login(String subject, String... groups) {
        return login(subject, List.of(groups));
    }

    /**
     * A new, <em>non-fresh</em> access token from a refresh token that MicroProfile JWT has verified (the caller
     * principal of a {@link RefreshTokenRequired} endpoint). It keeps the subject, the groups, the session and
     * the original {@code auth_time}.
     *
     * @throws TokenRejectedException (401) when {@code refreshToken} is not one of our refresh tokens, or is revoked
     * @throws IllegalStateException when refresh-token rotation is on: use {@link #refreshTokens(JsonWebToken)}
     */
    public String refresh(JsonWebToken refreshToken) {
        requireNoRotation();
        return refreshTokens(refreshToken).accessToken();
    }

    /**
     * As {@link #refresh(JsonWebToken)}, for a refresh token that arrived some other way (a request body, a
     * cookie): its signature (with any key of {@code freshjwt.sign.key.location}, so during a key rotation with the
     * old key too), issuer, audience and expiry are verified here first.
     *
     * @throws TokenRejectedException (401) when the token is not a valid refresh token of ours
     * @throws IllegalStateException when refresh-token rotation is on: use {@link #refreshTokens(String)}
     */
    public String refresh(String refreshToken) {
        requireNoRotation();
        return refreshTokens(refreshToken).accessToken();
    }

    /**
     * A new, <em>non-fresh</em> access token and the refresh token to use next. With
     * {@code freshjwt.refresh-token.rotation=true} the refresh token is new and the presented one is used up:
     * presenting it again (after {@code freshjwt.refresh-token.reuse-grace}) counts as theft, and revokes every
     * token of its session. Without rotation it is the presented refresh token itself.
     *
     * @param refreshToken a refresh token verified by MicroProfile JWT
     * @throws TokenRejectedException (401) when the token is not one of our refresh tokens, is revoked or was reused
     */
    public TokenPair refreshTokens(JsonWebToken refreshToken) {
        if (refreshToken == null || refreshToken.getRawToken() == null) {
            throw refused(Rejection.unauthenticated(false), Requirement.REFRESH, null);
        }
        if (!issuer.equals(refreshToken.getIssuer())) {
            throw refused(Rejection.invalid("The refresh token was not issued here"), Requirement.REFRESH,
                    refreshToken::getClaim);
        }
        return refreshFrom(refreshToken.getRawToken(), refreshToken::getClaim);
    }

    /**
     * As {@link #refreshTokens(JsonWebToken)}, for a raw refresh token, verified here first.
     *
     * @throws TokenRejectedException (401) when the token is not a valid refresh token of ours
     */
    public TokenPair refreshTokens(String refreshToken) {
        var claims = refreshToken == null ? null : verifier.verify(refreshToken).orElse(null);
        if (claims == null) {
            throw refused(Rejection.invalid("The refresh token is malformed, expired or not trusted"), Requirement.REFRESH,
                    null);
        }
        return refreshFrom(refreshToken, claims::getClaimValue);
    }

    /**
     * A new, <em>non-fresh</em> access token in place of a valid access token that MicroProfile JWT has verified: the
     * same subject, groups, session and {@code auth_time}, a new lifetime. What implicit refresh sets in the access
     * cookie ({@code freshjwt.implicit-refresh.window}); also for sliding sessions of your own.
     *
     * @throws TokenRejectedException (401) when {@code accessToken} is not one of our access tokens, or is revoked
     */
    public String renewAccessToken(JsonWebToken accessToken) {
        if (accessToken == null || accessToken.getRawToken() == null) {
            throw refused(Rejection.unauthenticated(false), Requirement.ACCESS, null);
        }
        String subject = ClaimValues.text(accessToken.getClaim("sub"));
        if (!issuer.equals(accessToken.getIssuer()) || subject == null
                || ClaimValues.tokenType(accessToken.getClaim(FreshJwtClaims.TYPE)) != TokenType.ACCESS) {
            throw refused(Rejection.invalid("Only our own access tokens can be renewed"), Requirement.ACCESS,
                    accessToken::getClaim);
        }
        String session = ClaimValues.text(accessToken.getClaim(FreshJwtClaims.SESSION_ID));
        Optional<Rejection> revoked = Rejection.of(revocations.check(ClaimValues.text(accessToken.getClaim("jti")), session,
                subject, Math.max(0, ClaimValues.epochSeconds(accessToken.getClaim("iat")))));
        if (revoked.isPresent()) {
            throw refused(revoked.get(), Requirement.ACCESS, accessToken::getClaim);
        }
        List<String> groups = ClaimValues.strings(accessToken.getClaim("groups"));
        return sameLogin(accessToken(subject).groups(groups).session(session), accessToken::getClaim).fresh(false).sign();
    }

    /** Whether refreshes rotate refresh tokens ({@code freshjwt.refresh-token.rotation}). */
    public boolean rotatesRefreshTokens() {
        return rotation;
    }

    /**
     * The JSON Web Key Set with the public half of every key of {@code freshjwt.sign.key.location}, the signing key
     * first (during a key rotation, then the keys that only verify), each with its {@code kid}: to publish at
     * {@code /.well-known/jwks.json}, and what {@code mp.jwt.verify.publickey.location} should hold.
     */
    public String jwks() {
        return jwks;
    }

    /** The configured access token lifetime: the {@code expires_in} of a token response. */
    public Duration accessTokenLifetime() {
        return minter.defaultLifetime(TokenType.ACCESS);
    }

    private TokenPair refreshFrom(String raw, Function<String, Object> claim) {
        String subject = ClaimValues.text(claim.apply("sub"));
        if (subject == null || ClaimValues.tokenType(claim.apply(FreshJwtClaims.TYPE)) != TokenType.REFRESH) {
            throw refused(Rejection.invalid("This endpoint requires a refresh token")
                    .because(TokenRefusal.Reason.WRONG_TOKEN_TYPE), Requirement.REFRESH, claim);
        }
        String tokenId = ClaimValues.text(claim.apply("jti"));
        String session = ClaimValues.text(claim.apply(FreshJwtClaims.SESSION_ID));
        Optional<Rejection> revoked = Rejection.of(revocations.check(tokenId, session, subject,
                Math.max(0, ClaimValues.epochSeconds(claim.apply("iat")))));
        if (revoked.isPresent()) {
            throw refused(revoked.get(), Requirement.REFRESH, claim);
        }
        List<String> groups = ClaimValues.strings(claim.apply(FreshJwtClaims.ACCESS_GROUPS));
        String nextRefreshToken = raw;
        if (rotation) {
            long generation = useUp(tokenId, session, ClaimValues.epochSeconds(claim.apply("exp")), claim);
            nextRefreshToken = sameLogin(refreshToken(subject).groups(groups).session(session), claim)
                    .generation(generation + 1).sign();
        }
        String access = sameLogin(accessToken(subject).groups(groups).session(session), claim).fresh(false).sign();
        return new TokenPair(access, nextRefreshToken);
    }

    /**
     * Moves the session on from the presented refresh token's generation; a refresh token presented again after its
     * session moved on is refused and the whole session revoked.
     *
     * @return the presented token's generation
     */
    private long useUp(String tokenId, String session, long expiresAt, Function<String, Object> claim) {
        Object generationClaim = claim.apply(FreshJwtClaims.GENERATION);
        long generation = generationClaim == null ? 0 : ClaimValues.wholeNumber(generationClaim);
        if (session == null || generation < 0) {
            throw refused(Rejection.invalid("The refresh token has no session or generation and cannot be rotated"),
                    Requirement.REFRESH, claim);
        }
        Instant expiry = clock.instant().plus(minter.defaultLifetime(TokenType.REFRESH));
        if (revocations.rotate(session, generation, expiry) == Revocations.Use.REUSED) {
            revocations.revokeSession(session, ClaimValues.text(claim.apply("sub")));
            ApplicationMetrics.current().refreshTokenReused();
            LOG.warning("freshjwt: refresh token " + tokenId + " (generation " + generation + " of session " + session
                    + ") was presented again after use; the session is revoked");
            throw refused(Rejection.invalid("The refresh token was already used; its session is revoked")
                    .because(TokenRefusal.Reason.REFRESH_TOKEN_REUSED), Requirement.REFRESH, claim);
        }
        return generation;
    }

    /** Announces the refusal to the application's {@link TokenRefusal} observers; the exception carries the answer. */
    private static TokenRejectedException refused(Rejection rejection, Requirement requirement,
            Function<String, Object> claim) {
        return Challenges.rejected(rejection, requirement, claim);
    }

    /** The login's {@code auth_time}, {@code acr} and {@code amr}, unchanged from the token a new one replaces. */
    private static TokenBuilder sameLogin(TokenBuilder builder, Function<String, Object> claim) {
        long authTime = ClaimValues.epochSeconds(claim.apply(FreshJwtClaims.AUTH_TIME));
        if (authTime != ClaimValues.ABSENT) {
            builder.authTime(Instant.ofEpochSecond(authTime));
        }
        return builder.acr(ClaimValues.text(claim.apply(FreshJwtClaims.ACR)))
                .amr(ClaimValues.strings(claim.apply(FreshJwtClaims.AMR)));
    }

    private void requireNoRotation() {
        if (rotation) {
            throw new IllegalStateException(FreshJwtConfig.REFRESH_TOKEN_ROTATION + " is true: use refreshTokens(...),"
                    + " which returns the new refresh token the client must use next");
        }
    }

    private Function<TokenMinter.TokenSpec, String> sign() {
        return spec -> {
            String token = minter.mint(spec);
            ApplicationMetrics.current().issued(spec.type(), spec.fresh());
            return token;
        };
    }
}
