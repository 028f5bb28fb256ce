package dev.freshjwt;

import dev.freshjwt.internal.token.TokenMinter.TokenSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds one token; obtained from {@link TokenIssuer#accessToken} or {@link TokenIssuer#refreshToken}.
 *
 * <pre>{@code
 * String token = issuer.accessToken("alice")
 *         .groups("user", "admin")
 *         .claim("tenant", "acme")
 *         .fresh(true)
 *         .sign();
 * }</pre>
 *
 * Not thread-safe: build each token on one thread, then throw the builder away.
 */
public final class TokenBuilder {

    private static final Set<String> RESERVED = Set.of("iss", "sub", "upn", "aud", "iat", "exp", "nbf", "jti",
            "groups", FreshJwtClaims.TYPE, FreshJwtClaims.FRESH, FreshJwtClaims.AUTH_TIME, FreshJwtClaims.ACCESS_GROUPS,
            FreshJwtClaims.SESSION_ID, FreshJwtClaims.CSRF, FreshJwtClaims.ACR, FreshJwtClaims.AMR, FreshJwtClaims.GENERATION);

    private final TokenType type;
    private final String subject;
    private final Function<TokenSpec, String> signer;
    private final Set<String> groups = new LinkedHashSet<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private List<String> audiences;
    private Duration lifetime;
    private Instant authTime;
    private boolean fresh;
    private String sessionId;
    private String acr;
    private final Set<String> amr = new LinkedHashSet<>();

    TokenBuilder(TokenType type, String subject, Function<TokenSpec, String> signer) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A token needs a non-blank subject");
        }
        this.type = type;
        this.subject = subject;
        this.signer = signer;
    }

    /**
     * Adds groups: the {@code groups} claim of an access token ({@code @RolesAllowed} reads it); on a refresh
     * token, the groups its access tokens will get.
     */
    public TokenBuilder groups(String... names) {
        return groups(Arrays.asList(names));
    }

    /** Adds groups, as {@link #groups(String...)}. */
    public TokenBuilder groups(Collection<String> names) {
        names.forEach(name -> groups.add(Objects.requireNonNull(name, "group")));
        return this;
    }

    /**
     * Adds a claim of your own: a {@code String}, {@code Number}, {@code Boolean}, or a {@code Collection} or
     * {@code Map} of those.
     *
     * @throws IllegalArgumentException for a claim freshjwt sets itself ({@code iss}, {@code exp},
     *     {@code fresh}, {@code groups}, …): use the builder's methods for those
     */
    public TokenBuilder claim(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("The claim '" + name + "' is set by freshjwt; use the builder's methods");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Collection || value instanceof Map)) {
            throw new IllegalArgumentException("The claim '" + name + "' must be a String, Number, Boolean,"
                    + " Collection or Map, not " + (value == null ? "null" : value.getClass().getName()));
        }
        claims.put(name, value);
        return this;
    }

    /** Sets the {@code aud} claim, replacing the configured audiences ({@code freshjwt.audiences}). */
    public TokenBuilder audience(String... audience) {
        this.audiences = List.of(audience);
        return this;
    }

    /** Sets the lifetime, replacing the configured one. */
    public TokenBuilder lifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("A token lifetime must be positive, not " + lifetime);
        }
        this.lifetime = lifetime;
        return this;
    }

    /**
     * Sets {@code auth_time}: when the user last proved their credential. Defaults to now for a fresh access
     * token and to none otherwise.
     */
    public TokenBuilder authTime(Instant authTime) {
        this.authTime = Objects.requireNonNull(authTime, "authTime");
        return this;
    }

    /**
     * Marks an access token fresh: only right after the user proved their credential. Default {@code false}.
     *
     * @throws IllegalStateException on a refresh token, which is never fresh
     */
    public TokenBuilder fresh(boolean fresh) {
        if (fresh && type == TokenType.REFRESH) {
            throw new IllegalStateException("A refresh token is never fresh");
        }
        this.fresh = fresh;
        return this;
    }

    /**
     * Sets {@code acr}: how strongly the user authenticated (an authentication context class reference, such as
     * {@code "mfa"}), for {@code @FreshRequired(acr = …)}. Default: none.
     */
    public TokenBuilder acr(String acr) {
        this.acr = acr;
        return this;
    }

    /** Adds {@code amr} values: the methods the user authenticated with (RFC 8176: {@code "pwd"}, {@code "otp"}, …). */
    public TokenBuilder amr(String... methods) {
        return amr(Arrays.asList(methods));
    }

    /** Adds {@code amr} values, as {@link #amr(String...)}. */
    public TokenBuilder amr(Collection<String> methods) {
        methods.forEach(method -> amr.add(Objects.requireNonNull(method, "amr")));
        return this;
    }

    /** Puts the token in a session (the {@code sid} claim); set by the issuer for login and refresh. */
    TokenBuilder session(String id) {
        this.sessionId = id;
        return this;
    }

    /** Sets a rotated refresh token's generation (the {@code gen} claim); set by the issuer. */
    TokenBuilder generation(long generation) {
        claims.put(FreshJwtClaims.GENERATION, generation);
        return this;
    }

    /**
     * Signs the token.
     *
     * @return the compact JWS
     */
    public String sign() {
        return signer.apply(new TokenSpec(type, subject, List.copyOf(groups), Map.copyOf(claims), audiences, lifetime,
                authTime, fresh, sessionId, acr, List.copyOf(amr)));
    }
}
