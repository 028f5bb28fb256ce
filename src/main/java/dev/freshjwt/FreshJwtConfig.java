package dev.freshjwt;

/**
 * The MicroProfile Config keys freshjwt reads. As with every MicroProfile Config key, an environment
 * variable overrides them ({@code FRESHJWT_SIGN_KEY_LOCATION} for {@link #SIGN_KEY_LOCATION}, …).
 */
public final class FreshJwtConfig {

    /** The {@code iss} of minted tokens. Default: {@value #MP_ISSUER}; one of the two is required. */
    public static final String ISSUER = "freshjwt.issuer";

    /** The {@code aud} of minted tokens, comma-separated. Default: {@value #MP_AUDIENCES}; none if unset. */
    public static final String AUDIENCES = "freshjwt.audiences";

    /** Access token lifetime, ISO-8601 ({@code PT15M}). Default {@code PT15M}. */
    public static final String ACCESS_TOKEN_LIFETIME = "freshjwt.access-token.lifetime";

    /** Refresh token lifetime, ISO-8601 ({@code P30D}). Default {@code P30D}. */
    public static final String REFRESH_TOKEN_LIFETIME = "freshjwt.refresh-token.lifetime";

    /**
     * Where the private signing key is: {@code classpath:name}, a {@code file:} URL, or a path (classpath
     * resource first, then file). PEM PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}; for EC keys followed by
     * the {@code PUBLIC KEY} block), a private JWK, or a JWKS. Required wherever {@link TokenIssuer} is used.
     *
     * <p>A JWKS may hold several keys, to rotate keys without refusing live tokens: {@link #SIGN_KEY_ID} names the one
     * that signs; the others (private or public-only entries) only verify, and {@link TokenIssuer#jwks()} publishes
     * them all. Each key needs its own {@code kid}.
     */
    public static final String SIGN_KEY_LOCATION = "freshjwt.sign.key.location";

    /**
     * The {@code kid} of minted tokens; names the signing key of a JWKS, which is required when the set holds more than
     * one private key. Default: the JWK's {@code kid}, else its RFC 7638 thumbprint.
     */
    public static final String SIGN_KEY_ID = "freshjwt.sign.key.id";

    /** {@code RS256} (default for RSA keys), {@code RS384}, {@code RS512}, {@code ES256} (default for P-256 keys), {@code ES384}, {@code ES512}. */
    public static final String SIGN_ALGORITHM = "freshjwt.sign.algorithm";

    /**
     * {@code true} turns on refresh-token rotation: every refresh returns a new refresh token and uses up the
     * presented one; presenting a used one again revokes its whole session. Default {@code false}.
     */
    public static final String REFRESH_TOKEN_ROTATION = "freshjwt.refresh-token.rotation";

    /**
     * How long after its first use a rotated refresh token may be presented again without counting as stolen
     * (two tabs refreshing at once), ISO-8601. Default {@code PT0S}: never.
     */
    public static final String REFRESH_TOKEN_REUSE_GRACE = "freshjwt.refresh-token.reuse-grace";

    /**
     * Which revocation store: {@code auto} (default: your own {@link RevocationStore} bean, else JCache when the server
     * offers it, else memory), {@code memory}, {@code jcache}, or {@code jdbc} (a table in the database of
     * {@link #REVOCATION_DATASOURCE}: revocations survive restarts and are shared by the instances that use it).
     */
    public static final String REVOCATION_STORE = "freshjwt.revocation.store";

    /**
     * With {@code freshjwt.revocation.store=jdbc}: the JNDI name of the data source whose database holds the table
     * {@code FRESHJWT_REVOCATION} (created when absent). Default {@code java:comp/DefaultDataSource}. A name the
     * application cannot look up fails the deployment.
     */
    public static final String REVOCATION_DATASOURCE = "freshjwt.revocation.datasource";

    /**
     * With {@code freshjwt.revocation.store=jdbc}: how often each instance reads the revocations other instances wrote;
     * with {@code jcache}: how often it reads the cache to confirm that it reaches the grid. ISO-8601, more than zero
     * and at most {@code PT10S}. Default {@code PT0.5S}.
     */
    public static final String REVOCATION_POLL_INTERVAL = "freshjwt.revocation.poll-interval";

    /**
     * With {@code freshjwt.revocation.store=jdbc} or {@code jcache}: how long each instance keeps trusting the
     * revocations it last read while the store cannot be read, beyond the ten poll intervals (at least five seconds)
     * it takes to tell an outage from a slow poll; ISO-8601, zero or more, shorter than the longest token lifetime.
     * Default {@code PT5M}. Past it, every token is refused with a 503 {@code revocation-unavailable} problem until
     * the store can be read again; {@code PT0S} refuses as soon as the outage is noticed. A token revoked before the outage is refused
     * throughout.
     */
    public static final String REVOCATION_MAX_STALENESS = "freshjwt.revocation.max-staleness";

    /** The most live entries of the in-memory revocation store. Default 100000. */
    public static final String REVOCATION_MAX_ENTRIES = "freshjwt.revocation.max-entries";

    /**
     * How many token and session revocations (logouts) one subject may hold at once, counted over the longest token
     * lifetime. Past that, each further logout revokes every token the subject holds instead (a single entry), so no
     * user can fill the revocation store for others. Default 1000.
     */
    public static final String REVOCATION_MAX_PER_SUBJECT = "freshjwt.revocation.max-per-subject";

    /**
     * Where requests carry tokens: {@code header} ({@code Authorization: Bearer}, the default), {@code cookie}, or
     * {@code header,cookie}. When both are allowed and a request carries both, the header wins. With cookies, every
     * minted token carries a random {@value FreshJwtClaims#CSRF} claim. See {@link TokenCookies}.
     */
    public static final String TOKEN_LOCATION = "freshjwt.token.location";

    /** Whether token and CSRF cookies are {@code Secure}. Default {@code true} (browsers accept them on http://localhost). */
    public static final String COOKIE_SECURE = "freshjwt.cookie.secure";

    /** The {@code SameSite} attribute of every cookie: {@code Strict} (default), {@code Lax} or {@code None}. */
    public static final String COOKIE_SAME_SITE = "freshjwt.cookie.same-site";

    /** Name of the HttpOnly access-token cookie. Default {@code __Host-access_token} ({@code access_token} when not Secure). */
    public static final String COOKIE_ACCESS_NAME = "freshjwt.cookie.access.name";

    /** Name of the HttpOnly refresh-token cookie. Default {@code __Secure-refresh_token} ({@code refresh_token} when not Secure). */
    public static final String COOKIE_REFRESH_NAME = "freshjwt.cookie.refresh.name";

    /**
     * The path of the refresh endpoint within the application, the only path the refresh-token cookie is sent to
     * (the context path is put in front). Default {@code /refresh}.
     */
    public static final String COOKIE_REFRESH_PATH = "freshjwt.cookie.refresh.path";

    /**
     * Name of the readable cookie holding the access token's CSRF value. Default {@code __Host-csrf_access_token}
     * ({@code csrf_access_token} when not Secure).
     */
    public static final String COOKIE_CSRF_ACCESS_NAME = "freshjwt.cookie.csrf-access.name";

    /**
     * Name of the readable cookie holding the refresh token's CSRF value. Default {@code __Host-csrf_refresh_token}
     * ({@code csrf_refresh_token} when not Secure).
     */
    public static final String COOKIE_CSRF_REFRESH_NAME = "freshjwt.cookie.csrf-refresh.name";

    /** The request header that must repeat the token's CSRF value on unsafe cookie requests. Default {@code X-CSRF-TOKEN}. */
    public static final String CSRF_HEADER = "freshjwt.csrf.header";

    /**
     * Implicit refresh, ISO-8601 ({@code PT5M}): when a request authenticated by the access-token cookie succeeds
     * and the token expires within this window, the response sets a new, never fresh, access cookie. Off unless set.
     */
    public static final String IMPLICIT_REFRESH_WINDOW = "freshjwt.implicit-refresh.window";

    /**
     * For tokens from an OpenID provider (those without freshjwt's {@code fresh} claim): how long after the
     * authentication ({@code auth_time}) the provider may have issued the token ({@code iat}) for it to count as fresh,
     * ISO-8601, from {@code PT0S} to {@code PT5M}. Default {@code PT1M}. A token from the provider's refresh grant, or
     * one its single-sign-on session handed out later without asking for the password, was issued longer after the
     * authentication and is not fresh; a token without {@code auth_time} never is.
     */
    public static final String PROVIDER_FRESH_WINDOW = "freshjwt.provider.fresh-window";

    /**
     * For back-channel logout ({@link BackChannelLogout}): the application's client id at the OpenID provider, which a
     * logout token's {@code aud} must contain; comma-separated when the provider knows the application by several.
     * Default: {@value #MP_AUDIENCES}. Required, at deployment, where {@code BackChannelLogout} is injected.
     */
    public static final String PROVIDER_CLIENT_ID = "freshjwt.provider.client-id";

    /** Standard MicroProfile JWT key: the issuer the container accepts. */
    public static final String MP_ISSUER = "mp.jwt.verify.issuer";

    /** Standard MicroProfile JWT key: the audiences the container accepts. */
    public static final String MP_AUDIENCES = "mp.jwt.verify.audiences";

    /** Standard MicroProfile JWT key: clock skew in seconds, also used by freshness checks. Default 60. */
    public static final String MP_CLOCK_SKEW = "mp.jwt.verify.clock.skew";

    private FreshJwtConfig() {
    }
}
