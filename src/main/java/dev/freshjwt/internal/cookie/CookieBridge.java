package dev.freshjwt.internal.cookie;

import dev.freshjwt.FreshJwtClaims;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.cdi.FreshJwtExtension;
import dev.freshjwt.internal.guard.Rejection;
import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.ClaimValues;
import dev.freshjwt.internal.token.OwnTokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jose4j.jwt.JwtClaims;

/**
 * Decides, before the container authenticates a request, which token the request presents: its
 * {@code Authorization} header when it has one (the client chose it; cookies are then ignored), else its refresh-token
 * cookie (which the browser sends only to the refresh endpoint), else its access-token cookie. A cookie is presented to
 * the container as {@code Authorization: Bearer} only when it is one of our tokens of the cookie's type, unexpired and
 * not revoked, and, on a state-changing request, when the CSRF header repeats its {@value FreshJwtClaims#CSRF} claim.
 * Anything else is dropped: the request goes on anonymously (a public URL still answers), and the reason is kept for
 * the endpoints that require a token. The server bridges call {@link #decide}; those outside CDI find the
 * application's instance with {@link #current()}. Thread-safe.
 */
@ApplicationScoped
public class CookieBridge {

    /** The application's instance; the library jar lives in the application's class loader, so it is per application. */
    private static volatile CookieBridge current;
    private static final TokenType[] REFRESH_FIRST = {TokenType.REFRESH, TokenType.ACCESS};

    private final CookieSettings settings;
    private final OwnTokenVerifier verifier;
    private final Revocations revocations;

    /** For the CDI proxy only. */
    protected CookieBridge() {
        this.settings = null;
        this.verifier = null;
        this.revocations = null;
    }

    @Inject
    CookieBridge(FreshJwtExtension extension, Instance<Clock> clock, Instance<Revocations> revocations) {
        this.settings = extension.cookieSettings();
        if (settings.cookie()) {
            FreshJwtExtension.IssuerConfiguration issuer = extension.issuerConfiguration();
            this.verifier = new OwnTokenVerifier(issuer.settings(), issuer.keys(),
                    clock.isResolvable() ? clock.get() : Clock.systemUTC());
            this.revocations = revocations.get();
        } else {
            this.verifier = null;
            this.revocations = null;
        }
    }

    CookieBridge(CookieSettings settings, OwnTokenVerifier verifier, Revocations revocations) {
        this.settings = settings;
        this.verifier = verifier;
        this.revocations = revocations;
    }

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current = this;
    }

    /** The application's bridge once CDI has started, for callers outside CDI (an Undertow handler); else empty. */
    public static Optional<CookieBridge> current() {
        return Optional.ofNullable(current);
    }

    /** The cookie settings. */
    public CookieSettings settings() {
        return settings;
    }

    /**
     * @param method the request method
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param cookies the request's cookie of a given name, or {@code null}
     * @param csrfHeader the request's CSRF header ({@link CookieSettings#csrfHeader()}), or {@code null}
     * @return the token to present to the container, or why the cookies were not used
     */
    public Decision decide(String method, String authorization, UnaryOperator<String> cookies, String csrfHeader) {
        if (!settings.cookie() || authorization != null) {
            return Decision.NONE;
        }
        String refresh = cookies.apply(settings.refreshName());
        String access = cookies.apply(settings.accessName());
        if (refresh == null && access == null) {
            return Decision.NONE;
        }
        Rejection refusal = null;
        for (TokenType type : REFRESH_FIRST) {
            String token = type == TokenType.REFRESH ? refresh : access;
            if (token == null) {
                continue;
            }
            Rejection problem = check(token, type, method, csrfHeader);
            if (problem == null) {
                return new Decision(token, null);
            }
            if (refusal == null || problem.reason() == Rejection.Reason.CSRF_FAILED) {
                refusal = problem;
            }
        }
        return new Decision(null, refusal);
    }

    /**
     * {@link #decide} for a servlet request, recording a refusal in the request attribute
     * {@link TokenSource#COOKIE_REFUSAL} for the endpoints that require a token.
     *
     * @return the cookie's token to present as {@code Authorization: Bearer}, or {@code null}
     */
    public String present(HttpServletRequest request) {
        Decision decision = decide(request.getMethod(), request.getHeader("Authorization"),
                name -> CookieHeader.value(request.getHeaders("Cookie"), name), request.getHeader(settings.csrfHeader()));
        if (decision.refusal() != null) {
            request.setAttribute(TokenSource.COOKIE_REFUSAL, decision.refusal());
        }
        return decision.token();
    }

    private Rejection check(String token, TokenType type, String method, String csrfHeader) {
        JwtClaims claims = verifier.verify(token).orElse(null);
        if (claims == null || ClaimValues.tokenType(claims.getClaimValue(FreshJwtClaims.TYPE)) != type) {
            return Rejection.invalid("The token cookie is malformed, expired, revoked or not trusted");
        }
        Revocations.Status status = revocationStatus(claims);
        if (status == Revocations.Status.REVOKED) {
            return Rejection.invalid("The token cookie is malformed, expired, revoked or not trusted");
        }
        if (status == Revocations.Status.UNKNOWN) {
            return Rejection.of(status).orElseThrow();
        }
        if (Csrf.isUnsafe(method)) {
            if (csrfHeader == null) {
                return Rejection.csrf("A " + method + " request authenticated by a cookie must repeat the token's CSRF"
                        + " value in the " + settings.csrfHeader() + " header");
            }
            if (!Csrf.matches(ClaimValues.text(claims.getClaimValue(FreshJwtClaims.CSRF)), csrfHeader)) {
                return Rejection.csrf("The " + settings.csrfHeader() + " header does not match the token's CSRF value");
            }
        }
        return null;
    }

    /** Fails closed, as the guard does: a cookie whose revocation cannot be checked is not used. */
    private Revocations.Status revocationStatus(JwtClaims claims) {
        return revocations.check(ClaimValues.text(claims.getClaimValue("jti")),
                ClaimValues.text(claims.getClaimValue(FreshJwtClaims.SESSION_ID)),
                ClaimValues.text(claims.getClaimValue("sub")),
                Math.max(0, ClaimValues.epochSeconds(claims.getClaimValue("iat"))));
    }

    /**
     * What a request presents.
     *
     * @param token the cookie's token to present as {@code Authorization: Bearer}, or {@code null}
     * @param refusal why a token cookie was not used, or {@code null}
     */
    public record Decision(String token, Rejection refusal) {

        /** Nothing to do: no cookie, cookies off, or a header that wins. */
        public static final Decision NONE = new Decision(null, null);
    }
}
